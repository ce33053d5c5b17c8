package org.tiptrace.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "198.51.100.23, 198.51.100.23",
    "' 203.0.113.7 ', 203.0.113.7",
    "2001:DB8:4A1:7700:1C2E:9BFF:FE41:5D10, 2001:db8:4a1:7700:1c2e:9bff:fe41:5d10",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "::ffff:192.0.2.1, 192.0.2.1",
    "fe80::1%eth0, fe80::1",
    "[2001:db8::5], 2001:db8::5",
    "::, ::",
    "::1, ::1",
    "2001:db8::192.0.2.33, 2001:db8::c000:221",
  })
  void canonicalises(String input, String expected) {
    assertThat(IpAddresses.canonical(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "a.b.c.d",
        "example.com",
        "2001:db8::1::2",
        "2001:db8:1:2:3:4:5:6:7",
        "12345::",
        "2001:db8::g",
        "1.2.3.-4",
        "::ffff:1.2.3"
      })
  void rejectsNonLiterals(String input) {
    assertThat(IpAddresses.canonical(input)).isEmpty();
  }
}
