package org.tiptrace.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.intake.PayloadTooLargeException;

/**
 * Turns failures of this app's API controllers ({@link ApiEndpoint}s) into {@link ApiError} bodies.
 * Nothing else is advised: the pages use the HTML error page, and the hotline API keeps its own
 * error format.
 */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
class ApiExceptionHandler {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ApiError> status(ResponseStatusException e, HttpServletRequest request) {
    String reason = e.getReason();
    return error(
        HttpStatus.valueOf(e.getStatusCode().value()),
        reason == null ? HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase() : reason,
        request);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class
  })
  ResponseEntity<ApiError> badRequest(Exception e, HttpServletRequest request) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), request);
  }

  @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
  ResponseEntity<ApiError> tooLarge(Exception e, HttpServletRequest request) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest request) {
    return error(HttpStatus.BAD_REQUEST, "malformed multipart request", request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "send application/xml, text/xml, application/json or multipart/form-data",
        request);
  }

  private static ResponseEntity<ApiError> error(
      HttpStatus status, @org.jspecify.annotations.Nullable String message, HttpServletRequest r) {
    String text = message == null || message.isBlank() ? status.getReasonPhrase() : message;
    return ResponseEntity.status(status)
        .body(new ApiError(status.value(), text, r.getRequestURI()));
  }
}
