package org.tiptrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TotpSecretCipherTest {
  private static final byte[] K1 = TotpSecretCipher.newKey();
  private static final byte[] K2 = TotpSecretCipher.newKey();
  private final TotpSecretCipher cipher = new TotpSecretCipher(K1, List.of(), "k1.key");

  @Test
  void aSealedSecretOpensForItsUserOnlyAndEachSealIsFresh() {
    String a = cipher.seal("Ann", "JBSWY3DPEHPK3PXP");
    String b = cipher.seal("ann", "JBSWY3DPEHPK3PXP");

    assertThat(a).startsWith("tt1:" + TotpSecretCipher.keyId(K1) + ":").isNotEqualTo(b);
    assertThat(cipher.open("ANN", a)).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(cipher.sealedWithCurrentKey(a)).isTrue();
    assertThatThrownBy(() -> cipher.open("bob", a))
        .isInstanceOf(TotpSecretCipher.SecretKeyException.class)
        .hasMessageContaining("user 'bob'")
        .hasMessageContaining("authentication tag");
  }

  @Test
  void anEarlierKeyOpensButDoesNotSealAndAnUnknownKeyIsNamed() {
    String old = cipher.seal("cy", "KRSXG5CTMVRXEZLU");
    TotpSecretCipher rotated = new TotpSecretCipher(K2, List.of(K1), "k2.key");

    assertThat(rotated.open("cy", old)).isEqualTo("KRSXG5CTMVRXEZLU");
    assertThat(rotated.sealedWithCurrentKey(old)).isFalse();
    assertThat(TotpSecretCipher.keyIdOf(rotated.seal("cy", "x"))).isEqualTo(rotated.currentKeyId());
    assertThatThrownBy(() -> new TotpSecretCipher(K2, List.of(), "k2.key").open("cy", old))
        .hasMessageContaining("sealed with key " + TotpSecretCipher.keyId(K1))
        .hasMessageContaining("k2.key holds " + TotpSecretCipher.keyId(K2));
  }

  @Test
  void corruptOrUnsealedValuesAndShortKeysAreRefusedWithAReason() {
    String id = TotpSecretCipher.keyId(K1);
    assertThatThrownBy(() -> cipher.open("d", "JBSWY3DPEHPK3PXP"))
        .hasMessageContaining("not sealed");
    assertThatThrownBy(() -> cipher.open("d", "tt1:" + id + ":!!"))
        .hasMessageContaining("base64url");
    assertThatThrownBy(() -> cipher.open("d", "tt1:" + id + ":AAAA"))
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> new TotpSecretCipher(new byte[16], List.of(), "short.key"))
        .hasMessageContaining("short.key: a key must be 32 bytes, was 16");
    assertThat(cipher.toString()).doesNotContain(java.util.HexFormat.of().formatHex(K1));
  }
}
