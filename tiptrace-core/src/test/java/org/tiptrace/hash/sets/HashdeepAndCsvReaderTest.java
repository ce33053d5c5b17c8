package org.tiptrace.hash.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;
import static org.tiptrace.hash.sets.SetFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.hash.sets.SetFixtures.ListSink;
import org.tiptrace.hash.sets.csv.CsvHashReader;
import org.tiptrace.hash.sets.hashdeep.HashdeepReader;
import org.tiptrace.tip.TriState;

class HashdeepAndCsvReaderTest {
  @TempDir Path dir;

  static String hashdeep() {
    return "%%%% HASHDEEP-1.0\n"
        + "%%%% size,md5,sha256,filename\n"
        + "## Invoked from: /cases/EX-2025-00417\n"
        + "## $ hashdeep -c md5,sha256 -r exhibit01\n"
        + "##\n"
        + "7,1a79a4d60de6718e8e5b326e338ae533,50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c,/cases/EX-2025-00417/exhibit01/a.txt\n"
        + "3,"
        + md5("two")
        + ","
        + sha256("two")
        + ",/cases/EX-2025-00417/exhibit01/b, with comma.txt\n";
  }

  @Test
  void readsHashdeepWithCommasInFileNames() throws Exception {
    ListSink sink = new ListSink();
    ReadSummary s =
        new HashdeepReader().read(write(dir, "known.txt", hashdeep()), sink, ReadProgress.NONE);
    assertThat(s.records()).isEqualTo(2);
    assertThat(sink.entries)
        .extracting(e -> e.digest().toString())
        .containsExactly(
            "MD5:1a79a4d60de6718e8e5b326e338ae533",
            "SHA256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c",
            "MD5:" + md5("two"),
            "SHA256:" + sha256("two"));
    assertThat(sink.entries.get(0).victimIdentified()).isEqualTo(TriState.UNKNOWN);
  }

  @Test
  void malformedHashdeepNamesTheLine() throws Exception {
    HashdeepReader r = new HashdeepReader();
    expect(r, "h1.txt", "size,md5\n", "h1.txt:1:1", "line 1 must be '%%%% HASHDEEP-1.0'");
    expect(
        r,
        "h2.txt",
        "%%%% HASHDEEP-1.0\n%%%% md5,filename\n",
        "h2.txt:2",
        "must start with 'size' and end with 'filename'");
    expect(
        r,
        "h3.txt",
        hashdeep().replace("3," + md5("two"), "3," + md5("two").substring(1)),
        "h3.txt:7:3: md5",
        "expected 32 hex digits, found 31");
    expect(r, "h4.txt", hashdeep() + "12,abc\n", "h4.txt:8", "expected 4 comma-separated columns");
    expect(
        r,
        "h5.txt",
        hashdeep().replace("\n7,", "\nseven,"),
        "h5.txt:6",
        "size must be a whole number");
    expect(
        r,
        "h6.txt",
        "%%%% HASHDEEP-1.0\n%%%% size,tiger,filename\n",
        "h6.txt:2",
        "no md5, sha1 or sha256 column");
  }

  @Test
  void readsCsvWithQuotesAndOptionalColumns() throws Exception {
    String csv =
        "SHA1,md5,Category,Series,victim_identified,note\n"
            + sha1("a")
            + ","
            + md5("a")
            + ",1,\"Series, with comma\",yes,\"said \"\"hi\"\"\"\n"
            + ","
            + md5("b")
            + ",,,,\n"
            + "\n"
            + ",,2,,no,\n";
    ListSink sink = new ListSink();
    ReadSummary s = new CsvHashReader().read(write(dir, "set.csv", csv), sink, ReadProgress.NONE);
    assertThat(s.records()).isEqualTo(3);
    assertThat(sink.entries).hasSize(3);
    HashEntry first = sink.entries.get(0);
    assertThat(first.series()).contains("Series, with comma");
    assertThat(first.category()).contains("1");
    assertThat(first.victimIdentified()).isEqualTo(TriState.TRUE);
    assertThat(sink.entries.get(2).victimIdentified()).isEqualTo(TriState.UNKNOWN);
    assertThat(s.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith(dir.resolve("set.csv") + ":5:1"));
  }

  @Test
  void malformedCsvNamesLineAndColumn() throws Exception {
    CsvHashReader r = new CsvHashReader();
    expect(r, "c1.csv", "", "c1.csv:1:1", "empty file");
    expect(r, "c2.csv", "name,size\nx,1\n", "c2.csv:1:1", "names no md5, sha1, sha256 or pdq");
    expect(r, "c3.csv", "md5,category\n" + md5("a") + "\n", "c3.csv:2:1", "expected 2 columns");
    expect(
        r,
        "c4.csv",
        "md5\nnot-hex-at-all-not-hex-at-all-xx\n",
        "c4.csv:2: md5",
        "'n' at position 1");
    expect(r, "c5.csv", "md5,series\n" + md5("a") + ",\"open\n", "c5.csv:2:34", "not closed");
    expect(
        r,
        "c6.csv",
        "md5,victim_identified\n" + md5("a") + ",maybe\n",
        "c6.csv:2: victim_identified",
        "must be true, false, yes, no or empty");
  }

  private void expect(HashSetReader r, String name, String content, String where, String reason)
      throws Exception {
    Path f = write(dir, name, content);
    assertThatThrownBy(() -> r.read(f, new ListSink(), ReadProgress.NONE))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(reason);
  }
}
