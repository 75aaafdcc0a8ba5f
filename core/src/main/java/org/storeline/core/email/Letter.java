package org.storeline.core.email;

/** An email's words: its subject line and its plain-text body. */
public record Letter(String subject, String body) {}
