package org.tiptrace.app.system;

import java.util.List;

/**
 * Users created at start-up rather than configured (the demo user). The CLI registers one instance
 * as a singleton before the context starts; without it there are none.
 */
public record AdditionalUsers(List<UserAccount> accounts) {
  public AdditionalUsers {
    accounts = List.copyOf(accounts);
  }
}
