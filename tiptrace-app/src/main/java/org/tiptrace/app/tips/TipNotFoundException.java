package org.tiptrace.app.tips;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No tip with this id for the current agency. The same answer whether the tip does not exist or
 * belongs to another agency, so existence never leaks.
 */
public final class TipNotFoundException extends ResponseStatusException {
  public TipNotFoundException(String id) {
    super(HttpStatus.NOT_FOUND, "no tip " + id);
  }
}
