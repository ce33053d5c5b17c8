package org.tiptrace.evidence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;

/**
 * The one way to a file's bytes and EXIF: every read decides with {@link ViewingGate} first and
 * returns the decision with whatever it allowed ({@link ContentAccess}). Also records warrants and
 * attaches bytes to reported files.
 *
 * <p>Where bytes come from: an attached content row ({@link FileContentRepository}), else, for a
 * file uploaded to the hotline API, the raw archive entry under the SHA-256 Tiptrace computed at
 * upload. Both live in the raw archive of the tip's agency.
 *
 * <p>Callers record each decision and each view in the audit log (the app's {@code AuditTrail});
 * this class has no user context.
 */
public final class EvidenceFiles {
  private final RawArchive archive;
  private final FileContentRepository contents;
  private final WarrantRepository warrants;
  private final Supplier<GateRuleSet> rules;
  private final GateFactsSource facts;
  private final Clock clock;

  /** Without a source of facts: every tip's jurisdiction is unknown, so the strict default. */
  public EvidenceFiles(
      RawArchive archive,
      FileContentRepository contents,
      WarrantRepository warrants,
      GateRuleSet rules,
      Clock clock) {
    this(archive, contents, warrants, fixed(rules), GateFactsSource.UNKNOWN, clock);
  }

  /**
   * Files gated by whatever rule set {@code rules} gives at each decision, without a source of
   * facts (the strict default decides): for callers that attach bytes rather than show them.
   */
  public EvidenceFiles(
      RawArchive archive,
      FileContentRepository contents,
      WarrantRepository warrants,
      Supplier<GateRuleSet> rules,
      Clock clock) {
    this(archive, contents, warrants, rules, GateFactsSource.UNKNOWN, clock);
  }

  /**
   * Files gated by whatever rule set {@code rules} gives at each decision: the active stored
   * version, which an administrator can change while the app runs.
   *
   * @param facts where each tip is and which files matched known-abuse sets ({@link
   *     StoredGateFacts})
   */
  public EvidenceFiles(
      RawArchive archive,
      FileContentRepository contents,
      WarrantRepository warrants,
      Supplier<GateRuleSet> rules,
      GateFactsSource facts,
      Clock clock) {
    this.facts = Objects.requireNonNull(facts, "facts");
    this.archive = Objects.requireNonNull(archive, "archive");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.warrants = Objects.requireNonNull(warrants, "warrants");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static Supplier<GateRuleSet> fixed(GateRuleSet rules) {
    Objects.requireNonNull(rules, "rules");
    return () -> rules;
  }

  /** The rule set decisions are made with now. */
  public GateRuleSet rules() {
    return rules.get();
  }

  /** The gate state of every file of the tip. */
  public List<FileGate> gates(Tip tip) {
    return ViewingGate.gates(tip, warrants(tip), facts(tip), rules());
  }

  /** What the gate knows of the tip: its place (from the stored routing) and its hash matches. */
  public GateFacts facts(Tip tip) {
    return facts.facts(tip);
  }

  /** The content decision for one file, with the tip's facts. */
  public GateDecision decide(Tip tip, FileRef ref) {
    return ViewingGate.decide(tip, ref, warrants(tip), facts(tip), rules());
  }

  /** The tip's recorded warrants, oldest first. */
  public List<Warrant> warrants(Tip tip) {
    return warrants.forTip(tip.agency(), tip.id());
  }

  /** Whether Tiptrace holds bytes for the file (no bytes are read; this is not a view). */
  public boolean hasContent(Tip tip, TipFile file) {
    return locate(tip, file).isPresent();
  }

  /**
   * The file's bytes, when the gate allows them.
   *
   * @throws IllegalArgumentException when the tip has no file {@code ref}
   */
  public ContentAccess content(Tip tip, FileRef ref) {
    GateDecision decision = decide(tip, ref);
    if (!decision.allowed()) {
      return new ContentAccess.Blocked(decision);
    }
    TipFile file = TipFiles.find(tip, ref).orElseThrow();
    Optional<FileContent> content = locate(tip, file);
    if (content.isEmpty()) {
      return new ContentAccess.NoContent(decision);
    }
    Optional<byte[]> bytes = archive.bytes(tip.agency(), content.get().sha256());
    return bytes
        .<ContentAccess>map(b -> new ContentAccess.Bytes(decision, content.get(), b))
        .orElseGet(() -> new ContentAccess.NoContent(decision));
  }

  /**
   * The file's EXIF and other content metadata ({@code details} of type EXIF or of no stated type,
   * LE JSON {@code espMetadata}), when the gate allows them. HASH details are not content and are
   * not part of it.
   */
  public ContentAccess exif(Tip tip, FileRef ref) {
    GateDecision decision = ViewingGate.decideExif(tip, ref, warrants(tip), facts(tip), rules());
    if (!decision.allowed()) {
      return new ContentAccess.Blocked(decision);
    }
    TipFile file = TipFiles.find(tip, ref).orElseThrow();
    return new ContentAccess.Exif(decision, exifBlocks(file));
  }

  /** The metadata blocks the EXIF rule guards: every block not typed HASH. */
  public static List<FileMetadata> exifBlocks(TipFile file) {
    return file.file().details().stream()
        .filter(m -> m.type().map(t -> t != MetadataType.HASH).orElse(true))
        .toList();
  }

  /**
   * Records a warrant for the tip.
   *
   * @throws EvidenceException when it lists a file the tip does not have
   */
  public Warrant recordWarrant(Tip tip, WarrantRequest request, String recordedBy) {
    List<FileRef> known = TipFiles.of(tip).stream().map(TipFile::ref).toList();
    List<String> unknown =
        request.files().stream().filter(f -> !known.contains(f)).map(FileRef::value).toList();
    if (!unknown.isEmpty()) {
      throw new EvidenceException(
          "tip " + tip.id() + " has no file " + String.join(", ", unknown) + "; files: " + known);
    }
    return warrants
        .record(tip.agency(), tip.id(), request, recordedBy, clock.instant())
        .orElseThrow(() -> new EvidenceException("tip " + tip.id() + " is not the agency's"));
  }

  /**
   * Archives {@code bytes} as the content of file {@code ref}, after checking them against every
   * reported MD5, SHA-1 and SHA-256 of the file. Attaching the same bytes again changes nothing.
   *
   * @param source where the bytes came from (a path), for messages and the archive's name
   * @throws EvidenceException on a hash mismatch, a file without such hashes, an unknown file, or
   *     other bytes already attached
   */
  public FileContent attach(Tip tip, FileRef ref, byte[] bytes, String source, String actor) {
    TipFile file =
        TipFiles.find(tip, ref)
            .orElseThrow(
                () ->
                    new EvidenceException(
                        "tip "
                            + tip.id()
                            + " has no file '"
                            + ref
                            + "'; files: "
                            + TipFiles.of(tip).stream().map(TipFile::ref).toList()));
    HashCheck.verify(file.file(), ref, bytes, source);
    Sha256 sha256 = Sha256.of(bytes);
    archive.store(
        tip.agency(),
        sha256,
        "evidence:tip-" + tip.id() + "/file-" + ref + "/" + fileName(source),
        bytes,
        clock.instant());
    archive.recordOutcome(tip.agency(), sha256, ArchiveStatus.ACCEPTED, List.of());
    FileContentRepository.AttachOutcome outcome =
        contents.attach(tip.agency(), tip.id(), ref, sha256, bytes.length, actor, clock.instant());
    return switch (outcome) {
      case ATTACHED, ALREADY_ATTACHED -> contents.find(tip.agency(), tip.id(), ref).orElseThrow();
      case CONFLICT ->
          throw new EvidenceException(
              source
                  + ": file "
                  + ref
                  + " of tip "
                  + tip.id()
                  + " already has other bytes attached");
      case NO_SUCH_TIP -> throw new EvidenceException("tip " + tip.id() + " is not the agency's");
    };
  }

  private Optional<FileContent> locate(Tip tip, TipFile file) {
    return ContentLocator.locate(archive, contents, tip, file);
  }

  private static String fileName(String source) {
    String s = source.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
