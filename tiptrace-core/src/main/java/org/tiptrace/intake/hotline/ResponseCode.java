package org.tiptrace.intake.hotline;

import java.util.Optional;

/**
 * The CyberTipline response codes (shared/reference/cybertip-esp-xml.md §1, "Response codes").
 * Tiptrace answers only with these; {@link #SUCCESS} is the only success.
 */
public enum ResponseCode {
  SUCCESS(0, "success"),
  SERVER_ERROR(1000, "server error"),
  SAVE_FAILED(1100, "save failed"),
  UPLOAD_FAILED(1110, "upload failed"),
  FILE_UPLOAD_FAILED(1111, "file upload failed"),
  RESOURCE_NOT_FOUND(1210, "resource not found"),
  UPDATE_FAILED(1300, "update failed"),
  AUTHENTICATION_REQUIRED(2000, "authentication required"),
  NOT_AUTHORISED(3000, "not authorised for this action"),
  NOT_AUTHORISED_TO_SUBMIT(3100, "not authorised to submit"),
  NOT_AUTHORISED_TO_UPDATE(3300, "not authorised to update"),
  INVALID_REQUEST(4000, "invalid request"),
  VALIDATION_FAILED(4100, "validation failed"),
  MALFORMED_XML(4110, "malformed XML"),
  MALFORMED_FILE_SUBMITTAL(4200, "malformed file submittal"),
  REPORT_NOT_FOUND(5001, "report does not exist"),
  FILE_NOT_FOUND(5002, "file does not exist"),
  REPORT_RETRACTED(5101, "report already retracted"),
  REPORT_FINISHED(5102, "report already finished");

  private final int code;
  private final String description;

  ResponseCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The number on the wire ({@code responseCode}). */
  public int code() {
    return code;
  }

  /** The short meaning, used as (the start of) {@code responseDescription} for errors. */
  public String description() {
    return description;
  }

  public boolean isSuccess() {
    return this == SUCCESS;
  }

  public static Optional<ResponseCode> of(int code) {
    for (ResponseCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
