package org.tiptrace.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.tiptrace.app.intake.DocumentKind;
import org.tiptrace.app.intake.InputDocument;

/**
 * Turns the paths given to {@code ingest} into documents.
 *
 * <ul>
 *   <li>A file named on the command line is a document, whatever its extension; one ending in
 *       {@code .zip} is opened instead, and each entry is a document named {@code x.zip!/entry}.
 *   <li>A folder is walked recursively in name order for {@code .xml}, {@code .json} and {@code
 *       .zip} files; hidden files and symbolic links are skipped.
 * </ul>
 *
 * Bytes are read when the batch gets to a document; zips stay open until {@link #close()}. Zip
 * bombs are bounded by {@link ZipLimits}, counted on inflated bytes.
 */
final class InputCollector implements AutoCloseable {
  private final ZipLimits zipLimits;
  private final long maxDocumentBytes;
  private final List<ZipFile> openZips = new ArrayList<>();
  private final List<InputDocument> documents = new ArrayList<>();

  InputCollector(ZipLimits zipLimits, long maxDocumentBytes) {
    this.zipLimits = zipLimits;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /**
   * @throws NoSuchFileException for a path that does not exist (checked for all paths first)
   */
  List<InputDocument> collect(List<Path> paths) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
      }
    }
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p)) {
          files =
              walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                  .filter(f -> !hidden(p.relativize(f)))
                  .filter(InputCollector::wanted)
                  .sorted()
                  .toList();
        }
        for (Path f : files) {
          addFile(f);
        }
      } else {
        addFile(p);
      }
    }
    return List.copyOf(documents);
  }

  private void addFile(Path file) throws IOException {
    String name = file.toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      addZip(file, name);
      return;
    }
    long size = Files.size(file);
    if (size > maxDocumentBytes) {
      documents.add(InputDocument.unreadable(name, tooLarge(size)));
      return;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(DocumentKind.SNIFF_BYTES);
    }
    documents.add(
        InputDocument.of(
            name, DocumentKind.sniff(head), () -> readBounded(Files.newInputStream(file))));
  }

  private void addZip(Path file, String name) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      documents.add(InputDocument.unreadable(name, "not a readable zip file: " + e.getMessage()));
      return;
    }
    openZips.add(zip);
    if (zip.size() > zipLimits.maxEntries()) {
      documents.add(
          InputDocument.unreadable(
              name,
              "zip has "
                  + zip.size()
                  + " entries; the limit is "
                  + zipLimits.maxEntries()
                  + " (nothing in it was ingested)"));
      return;
    }
    AtomicLong inflated = new AtomicLong();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (entry.isDirectory() || skippedEntry(entry.getName())) {
        continue;
      }
      String entryName = name + "!/" + entry.getName();
      if (entry.getSize() > zipLimits.maxEntryBytes()) {
        documents.add(InputDocument.unreadable(entryName, entryTooLarge()));
        continue;
      }
      byte[] head;
      try (InputStream in = zip.getInputStream(entry)) {
        head = in.readNBytes(DocumentKind.SNIFF_BYTES);
      } catch (IOException e) {
        documents.add(InputDocument.unreadable(entryName, "cannot read zip entry: " + e));
        continue;
      }
      documents.add(
          InputDocument.of(
              entryName, DocumentKind.sniff(head), () -> readEntry(zip, entry, inflated)));
    }
  }

  private byte[] readEntry(ZipFile zip, ZipEntry entry, AtomicLong inflated) throws IOException {
    long entryLimit = Math.min(zipLimits.maxEntryBytes(), maxDocumentBytes);
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = in.readNBytes((int) Math.min(entryLimit + 1, Integer.MAX_VALUE - 16));
    }
    if (bytes.length > entryLimit) {
      throw new InputDocument.UnreadableException(entryTooLarge());
    }
    if (inflated.addAndGet(bytes.length) > zipLimits.maxTotalBytes()) {
      throw new InputDocument.UnreadableException(
          "zip inflates to more than "
              + zipLimits.maxTotalBytes()
              + " bytes in total; this entry and the rest were not ingested");
    }
    return bytes;
  }

  private byte[] readBounded(InputStream stream) throws IOException {
    try (InputStream in = stream) {
      byte[] bytes = in.readNBytes((int) Math.min(maxDocumentBytes + 1, Integer.MAX_VALUE - 16));
      if (bytes.length > maxDocumentBytes) {
        throw new InputDocument.UnreadableException(tooLarge(bytes.length));
      }
      return bytes;
    }
  }

  private String tooLarge(long size) {
    return "document is " + size + " bytes; the limit is " + maxDocumentBytes + " bytes";
  }

  private String entryTooLarge() {
    long limit = Math.min(zipLimits.maxEntryBytes(), maxDocumentBytes);
    return "zip entry inflates to more than " + limit + " bytes; not ingested";
  }

  private static boolean wanted(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".xml") || n.endsWith(".json") || n.endsWith(".zip");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** macOS archive litter, never a document. */
  private static boolean skippedEntry(String name) {
    return name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store");
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (ZipFile zip : openZips) {
      try {
        zip.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    openZips.clear();
    if (first != null) {
      throw first;
    }
  }
}
