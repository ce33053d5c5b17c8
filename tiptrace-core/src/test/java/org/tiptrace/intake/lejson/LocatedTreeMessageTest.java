package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocatedTreeMessageTest {
  @Test
  void unclosedObjectNamesWhereItOpenedWithoutJacksonsSourceNote() {
    String jackson =
        "Unexpected end-of-input: expected close marker for Object (start marker at [Source:"
            + " REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1,"
            + " column: 61])";
    assertThat(LocatedTree.plainMessage(jackson))
        .isEqualTo(
            "Unexpected end-of-input: expected close marker for Object (opened at line 1, column 61)");
    assertThat(LocatedTree.plainMessage("Unexpected character ('x')"))
        .isEqualTo("Unexpected character ('x')");
  }
}
