package org.tiptrace.app.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.tiptrace.account.NewAccount;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.tip.AgencyId;

/**
 * Accounts created by a test in the shared web-test database (the password of {@code name} is
 * {@code name + "-secret"}, bcrypt cost 4 to stay fast), and the audit entries to check.
 */
public final class TestAccounts {
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

  private TestAccounts() {}

  /** Creates the account unless it exists (tests of one context share the database). */
  public static void ensure(TiptraceBackend backend, String name, AgencyId agency, Role... roles) {
    backend
        .accounts()
        .create(
            new NewAccount(
                name,
                "{bcrypt}" + BCRYPT.encode(password(name)),
                agency,
                Arrays.stream(roles).map(Role::name).collect(Collectors.toSet())),
            Instant.parse("2026-01-01T00:00:00Z"));
  }

  public static String password(String name) {
    return name + "-secret";
  }

  public static List<AuditEntry> entries(TiptraceBackend backend) {
    List<AuditEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<AuditEntry> page = backend.auditLog().read(after, AuditLog.MAX_PAGE);
      all.addAll(page);
      if (page.size() < AuditLog.MAX_PAGE) {
        return all;
      }
      after = page.getLast().sequence();
    }
  }

  public static List<AuditEntry> entries(
      TiptraceBackend backend, AuditAction action, String actor) {
    return entries(backend).stream()
        .filter(e -> e.action() == action && e.actor().equals(actor))
        .toList();
  }
}
