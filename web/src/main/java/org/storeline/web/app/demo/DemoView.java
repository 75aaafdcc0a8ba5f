package org.storeline.web.app.demo;

import java.util.List;
import org.storeline.web.app.view.Shell;

/** The simulator page: every store, and whether customers are checking out by themselves. */
public record DemoView(
        Shell shell, List<DemoStores.Store> stores, boolean paused, long offlineSeconds, String notice) {}
