package org.tiptrace.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.tiptrace.tip.TipJson;

/**
 * The body of every API error: {@code {"status":404,"error":"…","path":"…"}}. The same shape comes
 * from the exception handler, the security entry points and {@code /error}.
 */
public record ApiError(int status, String error, String path) {

  /** Writes this error as the response (for filters, which run outside Spring MVC). */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(TipJson.write(this));
    response.getWriter().flush();
  }
}
