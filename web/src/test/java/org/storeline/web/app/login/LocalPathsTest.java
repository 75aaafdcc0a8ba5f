package org.storeline.web.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPathsTest {
    @Test
    void aPathOfThisSiteIsKept() {
        assertThat(LocalPaths.path("/fulfillments?status=packed")).hasValue("/fulfillments?status=packed");
    }

    @Test
    void anythingThatLeadsToAnotherSiteIsDropped() {
        assertThat(LocalPaths.path("https://evil.example/")).isEmpty();
        assertThat(LocalPaths.path("//evil.example/x")).isEmpty();
        assertThat(LocalPaths.path("/\\evil.example")).isEmpty();
        assertThat(LocalPaths.path("fulfillments")).isEmpty();
        assertThat(LocalPaths.path(null)).isEmpty();
    }

    @Test
    void aRefererOfThisHostGivesItsPathAndQuery() {
        assertThat(LocalPaths.fromReferer("http://127.0.0.1:7070/fulfillments?status=new", "127.0.0.1:7070"))
                .hasValue("/fulfillments?status=new");
        assertThat(LocalPaths.fromReferer("http://evil.example/fulfillments", "127.0.0.1:7070"))
                .isEmpty();
    }
}
