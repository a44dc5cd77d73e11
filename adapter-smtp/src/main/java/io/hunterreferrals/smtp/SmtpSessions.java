package io.hunterreferrals.smtp;

import java.util.Properties;

/**
 * The Angus Mail session properties of a config: the protocol ({@code smtp} or {@code smtps}), STARTTLS, the sign-in,
 * the timeouts. The server's certificate is checked against the host name in every TLS mode (Angus' own default since
 * 2.0, set here so no older default can turn it off).
 */
final class SmtpSessions {

    private SmtpSessions() {}

    static String protocol(SmtpConfig config) {
        return config.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
    }

    static Properties properties(SmtpConfig config) {
        String p = "mail." + protocol(config) + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", config.host());
        props.setProperty(p + "port", Integer.toString(config.port()));
        props.setProperty(p + "auth", Boolean.toString(config.user().isPresent()));
        props.setProperty(
                p + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(config.readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(config.readTimeout().toMillis()));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        switch (config.security()) {
            case STARTTLS_REQUIRED -> {
                props.setProperty(p + "starttls.enable", "true");
                props.setProperty(p + "starttls.required", "true");
            }
            case STARTTLS_OPTIONAL -> props.setProperty(p + "starttls.enable", "true");
            case SMTPS -> props.setProperty(p + "ssl.enable", "true");
            case NONE -> props.setProperty(p + "starttls.enable", "false");
        }
        // Not one invalid recipient is skipped silently: the message goes to all or to none.
        props.setProperty(p + "sendpartial", "false");
        return props;
    }
}
