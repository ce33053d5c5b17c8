package org.tiptrace.link;

import java.util.List;

/** The normalised identifiers of one person block, in extraction order, without duplicates. */
public record PersonIdentifiers(PersonRef person, List<Identifier> identifiers) {
  public PersonIdentifiers {
    identifiers = List.copyOf(identifiers);
  }
}
