package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.system.DatabaseSettings;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;

class AuditCommandTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  @TempDir Path dir;
  @AutoClose CliRun cli;

  /** Three entries: a login, a view of tip 42, a list. */
  private AuditEntry seed(TestBackend database) {
    cli = CliRun.on(database, dir);
    AuditLog log = cli.database().auditLog();
    log.append(AuditEvent.of("ana", LOCAL, AuditAction.LOGIN_SUCCEEDED, AuditSubjectType.NONE, ""));
    log.append(AuditEvent.of("ana", LOCAL, AuditAction.TIP_VIEWED, AuditSubjectType.TIP, "42"));
    return log.append(
        AuditEvent.of("ana", LOCAL, AuditAction.TIP_LISTED, AuditSubjectType.TIP_LIST, "0"));
  }

  private void sql(String statement) throws SQLException {
    DatabaseSettings s = cli.defaultSettings();
    try (Connection c =
            DriverManager.getConnection(s.url(), s.user().orElse(null), s.password().orElse(null));
        Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anIntactLogExitsZeroWithCountAndHead(TestBackend database) throws IOException {
    AuditEntry last = seed(database);

    CliRun.Result r = cli.run("audit", "verify");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("intact").contains("3 entries").contains(last.hash().hex());

    CliRun.Result j = cli.run("audit", "verify", "--json");
    assertThat(j.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode o = TipJson.mapper().readTree(j.out());
    assertThat(o.get("intact").asBoolean()).isTrue();
    assertThat(o.get("entriesChecked").asLong()).isEqualTo(3);
    assertThat(o.get("headSequence").asLong()).isEqualTo(3);
    assertThat(o.get("headHash").asText()).isEqualTo(last.hash().hex());
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anEditedEntryExitsOneNamingIt(TestBackend database) throws Exception {
    seed(database);
    sql("UPDATE audit_entry SET subject_id = '43' WHERE sequence = 2");

    CliRun.Result r = cli.run("audit", "verify");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err()).contains("broken at entry 2 (TIP_VIEWED): EDITED");

    CliRun.Result j = cli.run("audit", "verify", "--json");
    assertThat(j.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    JsonNode o = TipJson.mapper().readTree(j.out());
    assertThat(o.get("intact").asBoolean()).isFalse();
    assertThat(o.at("/firstBreak/sequence").asLong()).isEqualTo(2);
    assertThat(o.at("/firstBreak/action").asText()).isEqualTo("TIP_VIEWED");
    assertThat(o.at("/firstBreak/reason").asText()).isEqualTo("EDITED");
    assertThat(o.get("headSequence").asLong()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aDeletedEntryExitsOneNamingTheNext(TestBackend database) throws Exception {
    seed(database);
    sql("DELETE FROM audit_entry WHERE sequence = 2");

    CliRun.Result r = cli.run("audit", "verify");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err()).contains("broken at entry 3 (TIP_LISTED): DELETED");
  }
}
