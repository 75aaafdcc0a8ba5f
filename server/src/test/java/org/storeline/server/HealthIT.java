package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.TestStoreline;
import org.storeline.web.ApiServer;
import org.storeline.web.operations.OperationsRoutes;

/**
 * Health answers 200 only once the server has finished starting: a supervisor or test that waits for a 200
 * and then calls the API with the admin token must never find the token not created yet.
 */
class HealthIT {

    @Test
    void healthSaysStartingWith503UntilStartupIsCompleteAndOkAfter() {
        Storeline storeline = TestStoreline.instance();
        AtomicBoolean started = new AtomicBoolean(false);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OperationsRoutes operations =
                new OperationsRoutes(started::get, () -> answers(storeline.dataSource()), metrics);
        try (ApiServer server =
                ApiServer.start("127.0.0.1", 0, storeline.wiring().authentication(), List.of(operations), metrics)) {
            ApiClient anonymous = new ApiClient("http://127.0.0.1:" + server.port(), null);

            Response starting = anonymous.get("/health");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.json().path("status").asText()).isEqualTo("starting");
            assertThat(starting.json().path("database").asText()).isEqualTo("up");

            started.set(true);
            Response ok = anonymous.get("/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().path("status").asText()).isEqualTo("ok");
        }
    }

    private static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
