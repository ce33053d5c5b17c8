package org.tiptrace.hash.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;
import static org.tiptrace.hash.sets.SetFixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.hash.sets.SetFixtures.ListSink;
import org.tiptrace.hash.sets.vics.VicsReader;
import org.tiptrace.tip.TriState;

class VicsReaderTest {
  @TempDir Path dir;

  private final VicsReader reader = new VicsReader();

  /** A VICS 1.3 case exchange: Cases with Media arrays, upper-case hex as some producers write. */
  static String vics13Cases() {
    return String.format(
        Locale.ROOT,
        """
        {
          "odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
          "value": [
            {
              "CaseID": "6f1c7d0e-0000-4000-8000-000000000001",
              "CaseNumber": "EX-2025-00417",
              "ContactEmail": "examiner@example.org",
              "SourceApplicationName": "ExampleTool",
              "Media": [
                { "MediaID": 1, "Category": 1, "MD5": "%s", "SHA1": "%s",
                  "Series": "Example Series A", "VictimIdentified": true, "MediaSize": 7,
                  "MediaFiles": [ { "MD5": "%s", "FileName": "a.jpg" } ] },
                { "MediaID": 2, "Category": 0, "MD5": "%s", "IsDistributed": false },
                { "MediaID": 3, "Category": null, "SHA1": "", "MD5": "%s",
                  "VictimIdentified": null, "UnknownField": { "nested": [1, 2] } }
              ]
            },
            { "CaseID": "6f1c7d0e-0000-4000-8000-000000000002", "Media": [] }
          ]
        }
        """,
        md5("one").toUpperCase(Locale.ROOT),
        sha1("one").toUpperCase(Locale.ROOT),
        md5("one"),
        md5("two"),
        md5("three"));
  }

  /** A VICS 2.0 #Media hash-set distribution with a SHA-256 and a PDQ in AlternativeHashes. */
  static String vics20Media() {
    return String.format(
        Locale.ROOT,
        """
        {
          "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media",
          "value": [
            { "MediaID": 1, "Category": 2, "MD5": "%s", "SHA1": "%s", "MediaSize": 7,
              "VictimIdentified": false, "Series": "Example Series B",
              "AlternativeHashes": [
                { "HashName": "SHA256", "HashValue": "%s" },
                { "HashName": "PDQ", "HashValue": "%s" },
                { "HashName": "PhotoDNA", "HashValue": "AAAA" } ] },
            { "MediaID": 2, "Category": 3, "SHA1": "%s" }
          ]
        }
        """,
        md5("four"),
        sha1("four"),
        sha256("four"),
        sha256("pdq-four"),
        sha1("five"));
  }

  @Test
  void readsAVics13CaseExchangeMediaByMedia() throws Exception {
    ListSink sink = new ListSink();
    ReadSummary s = reader.read(write(dir, "cases.json", vics13Cases()), sink, ReadProgress.NONE);

    assertThat(s.records()).isEqualTo(3);
    assertThat(s.entries()).isEqualTo(4);
    assertThat(s.fileVersion()).contains("1.3");
    assertThat(s.categoryScheme()).contains("VICS 1.3");
    List<HashEntry> e = sink.entries;
    assertThat(e.get(0).digest()).isEqualTo(Digest.parseHex(DigestAlgorithm.MD5, md5("one")));
    assertThat(e.get(0).digest().hex()).isEqualTo(md5("one"));
    assertThat(e.get(0).category()).contains("1");
    assertThat(e.get(0).series()).contains("Example Series A");
    assertThat(e.get(0).victimIdentified()).isEqualTo(TriState.TRUE);
    assertThat(e.get(1).digest().algorithm()).isEqualTo(DigestAlgorithm.SHA1);
    assertThat(e.get(1).digest().hex()).isEqualTo(sha1("one"));
    assertThat(e.get(2).category()).contains("0");
    assertThat(e.get(2).victimIdentified()).isEqualTo(TriState.UNKNOWN);
    assertThat(e.get(3).category()).isEmpty();
    assertThat(e.get(3).digest().hex()).isEqualTo(md5("three"));
  }

  @Test
  void readsAVics20MediaFileWithAlternativeHashes() throws Exception {
    ListSink sink = new ListSink();
    ReadSummary s = reader.read(write(dir, "media.json", vics20Media()), sink, ReadProgress.NONE);

    assertThat(s.records()).isEqualTo(2);
    assertThat(s.categoryScheme()).contains("VICS 2.0 US");
    assertThat(sink.entries)
        .extracting(x -> x.digest().algorithm())
        .containsExactly(
            DigestAlgorithm.MD5,
            DigestAlgorithm.SHA1,
            DigestAlgorithm.SHA256,
            DigestAlgorithm.PDQ,
            DigestAlgorithm.SHA1);
    assertThat(sink.entries.get(2).digest().hex()).isEqualTo(sha256("four"));
    assertThat(sink.entries.get(2).victimIdentified()).isEqualTo(TriState.FALSE);
    assertThat(sink.entries.get(4).category()).contains("3");
    assertThat(s.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("/value/0/AlternativeHashes/2/HashName"));
  }

  @Test
  void theReferenceExampleReadsWithContextAfterValue() throws Exception {
    String doc =
        """
        { "value": [ { "MediaID": 1, "Category": 0, "MD5": "1a79a4d60de6718e8e5b326e338ae533",
            "SHA1": "c3499c2729730a7f807efb8676a92dcb6f8a3f8f" } ],
          "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/UK/$metadata#Media" }
        """;
    ListSink sink = new ListSink();
    ReadSummary s = reader.read(write(dir, "late.json", doc), sink, ReadProgress.NONE);
    assertThat(s.categoryScheme()).contains("VICS 2.0 UK");
    assertThat(sink.entries).hasSize(2);
  }

  @Test
  void aBadDigestNamesFileLineAndPointer() throws Exception {
    String doc = vics20Media().replace("\"SHA1\": \"" + sha1("five") + "\"", "\"SHA1\": \"xyz\"");
    Path f = write(dir, "bad.json", doc);
    assertThatThrownBy(() -> reader.read(f, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining("bad.json:10")
        .hasMessageContaining("/value/1/SHA1")
        .hasMessageContaining("expected 40 hex digits, found 3");
  }

  @Test
  void malformedDocumentsAreRejectedWithTheReason() throws Exception {
    String ctx =
        "\"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\"";
    expectError("[]", "not-object.json:1:1", "a VICS document is a JSON object");
    expectError("{" + ctx + "}", "no-value.json", "no 'value' array");
    expectError("{\"value\": []}", "no-context.json", "cannot tell the version");
    expectError("{" + ctx + ", \"value\": {}}", "value-object.json", "/value: must be an array");
    expectError(
        "{" + ctx + ", \"value\": [ {\"MD5\": \"" + md5("x") + "\", ",
        "truncated.json:1",
        "not valid JSON");
    expectError(
        "{\"odata.metadata\": \"http://example.org/other#Media\", \"value\": []}",
        "bad-context.json",
        "not a VICS data model context");
    expectError(
        "{"
            + ctx
            + ", \"value\": [ {\"MD5\": \""
            + md5("x")
            + "\", \"VictimIdentified\": \"yes\"} ]}",
        "bad-flag.json",
        "/value/0/VictimIdentified: must be true, false or null");
    expectError("{" + ctx + ", \"value\": [ 7 ]}", "bad-item.json", "/value/0: must be an object");
  }

  @Test
  void mediaWithoutAHashIsAWarningNotAnEntry() throws Exception {
    String doc =
        "{\"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\","
            + " \"value\": [ {\"MediaID\": 5, \"Category\": 1} ]}";
    ListSink sink = new ListSink();
    ReadSummary s = reader.read(write(dir, "nohash.json", doc), sink, ReadProgress.NONE);
    assertThat(sink.entries).isEmpty();
    assertThat(s.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.path()).isEqualTo("/value/0"));
    assertThat(s.fileVersion()).isEqualTo(Optional.of("2.0"));
  }

  private void expectError(String doc, String where, String reason) throws Exception {
    String name = where.contains(":") ? where.substring(0, where.indexOf(':')) : where;
    Path f = write(dir, name, doc);
    assertThatThrownBy(() -> reader.read(f, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(reason);
  }
}
