package com.swanstudios.user.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A stored key is readable only with the key-encryption key it was sealed under, and only for its own id. */
class KeyEncryptionTest {

    private static final String KEK = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSealedKeyOpensWithItsKekAndIdOnly() {
        byte[] secret = "pkcs8 bytes of a private key".getBytes(StandardCharsets.UTF_8);
        String stored = new KeyEncryption(KEK, false).encrypt("k-1", secret);
        assertThat(stored).startsWith(KeyEncryption.PREFIX).doesNotContain(Base64.getEncoder().encodeToString(secret));
        assertThat(new KeyEncryption(KEK, false).decrypt("k-1", stored)).isEqualTo(secret);
        assertThatThrownBy(() -> new KeyEncryption(OTHER, false).decrypt("k-1", stored)).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new KeyEncryption(KEK, false).decrypt("k-2", stored)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aKekOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new KeyEncryption(Base64.getEncoder().encodeToString(new byte[16]), false))
                .hasMessageContaining("32 bytes");
    }
}
