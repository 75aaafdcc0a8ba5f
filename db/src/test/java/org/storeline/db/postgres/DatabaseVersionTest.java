package org.storeline.db.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseVersionTest {

    @Test
    void postgresql15AndNewerAreAccepted() {
        assertThatCode(() -> Database.checkVersion(15, "15.8")).doesNotThrowAnyException();
        assertThatCode(() -> Database.checkVersion(18, "18.6")).doesNotThrowAnyException();
    }

    @Test
    void anOlderServerIsRefusedWithItsVersionAndWhatToDo() {
        assertThatThrownBy(() -> Database.checkVersion(14, "14.12"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 15 or newer")
                .hasMessageContaining("14.12")
                .hasMessageContaining("Upgrade it");
    }
}
