package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.db.crypto.SecretBox;

class SecretKeysTest {
    @TempDir
    Path dataDir;

    @Test
    void aSharedDatabaseWithoutAKeyStopsTheStartWithASentenceThatNamesTheVariable() {
        assertThatThrownBy(() -> SecretKeys.load(Optional.empty(), Optional.empty(), dataDir, false))
                .isInstanceOf(SecretKeys.MissingSecretKeyException.class)
                .hasMessageContaining("STORELINE_SECRET_KEY")
                .hasMessageContaining("--db-url");
        assertThat(dataDir.resolve(SecretKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void aSharedDatabaseUsesTheKeyFromTheEnvironment() {
        byte[] key = SecretBox.newKey();
        SecretKeys.Loaded loaded =
                SecretKeys.load(Optional.of(Base64.getEncoder().encodeToString(key)), Optional.empty(), dataDir, false);
        assertThat(loaded.current()).isEqualTo(key);
    }

    @Test
    void aSharedDatabaseUsesAKeyFileAlreadyInTheDataDirectory() throws Exception {
        byte[] key = SecretBox.newKey();
        Files.writeString(
                dataDir.resolve(SecretKeys.KEY_FILE), Base64.getEncoder().encodeToString(key) + "\n");
        assertThat(SecretKeys.load(Optional.empty(), Optional.empty(), dataDir, false)
                        .current())
                .isEqualTo(key);
    }

    @Test
    void theEmbeddedDatabaseMakesItsKeyOnFirstStartAndReadsItBackAfterwards() {
        byte[] made = SecretKeys.load(Optional.empty(), Optional.empty(), dataDir, true)
                .current();
        assertThat(dataDir.resolve(SecretKeys.KEY_FILE)).exists();
        assertThat(SecretKeys.load(Optional.empty(), Optional.empty(), dataDir, true)
                        .current())
                .isEqualTo(made);
    }
}
