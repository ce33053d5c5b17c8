package org.tiptrace.evidence;

import java.util.Optional;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;

/** Where Tiptrace holds a file's bytes; shared by the gated reads and by hashing. */
final class ContentLocator {
  private ContentLocator() {}

  /**
   * An attached content row, else, for a file uploaded to the hotline API, the raw archive entry
   * under the SHA-256 Tiptrace computed at upload.
   */
  static Optional<FileContent> locate(
      RawArchive archive, FileContentRepository contents, Tip tip, TipFile file) {
    Optional<FileContent> attached = contents.find(tip.agency(), tip.id(), file.ref());
    if (attached.isPresent()) {
      return attached;
    }
    // A hotline upload: Tiptrace hashed the bytes it archived, so its own SHA-256 addresses them.
    for (FileHash h : file.file().hashes()) {
      if (h.origin() == HashOrigin.TIPTRACE
          && h.algorithm() == HashAlgorithm.SHA256
          && h.value().matches("[0-9a-f]{64}")) {
        Sha256 sha = new Sha256(h.value());
        Optional<FileContent> found =
            archive
                .find(tip.agency(), sha)
                .map(
                    d ->
                        new FileContent(
                            file.ref(),
                            sha,
                            d.size(),
                            ContentSource.HOTLINE_UPLOAD,
                            Optional.empty(),
                            Optional.empty()));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
