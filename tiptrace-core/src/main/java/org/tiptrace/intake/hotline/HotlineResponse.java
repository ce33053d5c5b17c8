package org.tiptrace.intake.hotline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One answer of the hotline API, mapping 1:1 onto a response document of
 * shared/reference/cybertip-esp-xml.md §1 ("Response documents"); {@link HotlineXml} writes it.
 */
public sealed interface HotlineResponse {

  ResponseCode code();

  /**
   * {@code reportResponse}: every answer except a successful {@code /finish}.
   *
   * @param description empty on success; on error the code's meaning, then the details
   * @param reportId the report opened or concerned
   * @param fileId the id {@code /upload} gave the file (32 lower-case hex digits)
   * @param hash MD5 of the bytes received (upload only)
   */
  record ReportResponse(
      ResponseCode code,
      String description,
      Optional<Long> reportId,
      Optional<String> fileId,
      Optional<String> hash)
      implements HotlineResponse {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    public ReportResponse {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(description, "description");
      fileId.ifPresent(ReportResponse::checkHex32);
      hash.ifPresent(ReportResponse::checkHex32);
      if (hash.isPresent() && fileId.isEmpty()) {
        throw new IllegalArgumentException("a hash is only returned with the fileId of an upload");
      }
    }

    private static void checkHex32(String s) {
      if (!HEX32.matcher(s).matches()) {
        throw new IllegalArgumentException("not 32 lower-case hex digits: '" + s + "'");
      }
    }

    /** Success of {@code /status}. */
    public static ReportResponse ok() {
      return new ReportResponse(
          ResponseCode.SUCCESS, "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Success concerning one report ({@code /submit}, {@code /fileinfo}, {@code /retract}). */
    public static ReportResponse ok(long reportId) {
      return new ReportResponse(
          ResponseCode.SUCCESS, "", Optional.of(reportId), Optional.empty(), Optional.empty());
    }

    /** Success of {@code /upload}. */
    public static ReportResponse uploaded(long reportId, String fileId, String md5) {
      return new ReportResponse(
          ResponseCode.SUCCESS, "", Optional.of(reportId), Optional.of(fileId), Optional.of(md5));
    }

    /** An error; the description is the code's meaning, followed by {@code detail} if any. */
    public static ReportResponse error(ResponseCode code, String detail) {
      if (code.isSuccess()) {
        throw new IllegalArgumentException("an error needs an error code");
      }
      String text = detail.isBlank() ? code.description() : code.description() + ": " + detail;
      return new ReportResponse(code, text, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /**
   * {@code reportDoneResponse}: a successful {@code /finish}.
   *
   * @param fileIds every file of the report, in upload order
   */
  record ReportDoneResponse(long reportId, List<String> fileIds) implements HotlineResponse {
    public ReportDoneResponse {
      fileIds = List.copyOf(fileIds);
    }

    @Override
    public ResponseCode code() {
      return ResponseCode.SUCCESS;
    }
  }
}
