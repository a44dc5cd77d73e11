package io.hunterreferrals.app.config;

import java.util.Locale;

/**
 * The notification channels the product has, by the name rules, deliveries, metrics and {@code hunter notify test} use;
 * each channel adapter answers {@code name()} with its kind's name (a wiring test holds them together).
 */
public enum NotifyChannelKind {
    EMAIL(Setting.NOTIFY_EMAIL_RULE),
    TEAMS(Setting.NOTIFY_TEAMS_RULE),
    SLACK(Setting.NOTIFY_SLACK_RULE),
    WEBHOOK(Setting.NOTIFY_WEBHOOK_RULE);

    private final Setting rule;

    NotifyChannelKind(Setting rule) {
        this.rule = rule;
    }

    /** {@code email}, {@code teams}, {@code slack}, {@code webhook}. */
    public String channelName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting of this channel's own rule. */
    public Setting ruleSetting() {
        return rule;
    }

    /**
     * Parses a channel name, as {@code hunter notify test <channel>} takes it.
     *
     * @throws IllegalArgumentException naming the channels
     */
    public static NotifyChannelKind fromName(String name) {
        for (NotifyChannelKind kind : values()) {
            if (kind.channelName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "'; expected email, teams, slack or webhook");
    }
}
