package io.hunterreferrals.http;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncRunId;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Query and path parameters, parsed with 400s that name the parameter and what it accepts. */
final class Params {

    static final int MAX_SEARCH = 200;
    static final int MAX_STATUS = 50;

    private Params() {}

    static PageRequest page(Context ctx) {
        int page = integer(ctx, "page", 1);
        int size = integer(ctx, "page_size", PageRequest.DEFAULT_SIZE);
        if (page < 1) {
            throw ApiError.badRequest("invalid_parameter", "page must be 1 or more, was " + page + ".");
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw ApiError.badRequest(
                    "invalid_parameter",
                    "page_size must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size + ".");
        }
        return new PageRequest(page, size);
    }

    static Optional<LinkStatus> linkStatus(Context ctx) {
        return oneOf(ctx, "link_status", LinkStatus.values(), LinkStatus::code);
    }

    /** {@code co-sell}, {@code marketplace}, {@code solution-provider}, and {@code unclassified} when allowed. */
    static Optional<ReferralCategory> referralType(Context ctx, boolean allowUnclassified) {
        Optional<String> value = text(ctx, "referral_type", 50);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (allowUnclassified && value.get().equals(ReferralCategory.UNCLASSIFIED)) {
            return Optional.of(ReferralCategory.UNKNOWN);
        }
        for (ReferralCategory category : ReferralCategory.values()) {
            if (category.code().filter(value.get()::equals).isPresent()) {
                return Optional.of(category);
            }
        }
        String accepted = "co-sell, marketplace, solution-provider"
                + (allowUnclassified ? ", " + ReferralCategory.UNCLASSIFIED : "");
        throw ApiError.badRequest(
                "invalid_parameter", "Unknown referral_type '" + value.get() + "'; expected one of " + accepted + ".");
    }

    static InboxSort sort(Context ctx) {
        return oneOf(ctx, "sort", InboxSort.values(), InboxSort::code).orElse(InboxSort.DEFAULT);
    }

    static LeadSort leadSort(Context ctx) {
        return oneOf(ctx, "sort", LeadSort.values(), LeadSort::code).orElse(LeadSort.DEFAULT);
    }

    static boolean flag(Context ctx, String name) {
        Optional<String> value = text(ctx, name, 10);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw ApiError.badRequest(
                        "invalid_parameter", name + " must be true or false, was '" + value.get() + "'.");
        };
    }

    /** A trimmed, non-empty text parameter of at most {@code maxLength} characters. */
    static Optional<String> text(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw ApiError.badRequest("invalid_parameter", name + " must be at most " + maxLength + " characters.");
        }
        return Optional.of(value.strip());
    }

    static ReferralId referralId(Context ctx) {
        try {
            return ReferralId.of(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_referral_id", e.getMessage() + ".");
        }
    }

    static SyncRunId taskId(Context ctx) {
        try {
            return SyncRunId.parse(ctx.pathParam("task_id"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_task_id", e.getMessage() + ".");
        }
    }

    /** {@code ?limit=}: 1 to {@code max}, {@code defaultValue} when absent. */
    static int limit(Context ctx, int defaultValue, int max) {
        int limit = integer(ctx, "limit", defaultValue);
        if (limit < 1 || limit > max) {
            throw ApiError.badRequest(
                    "invalid_parameter", "limit must be between 1 and " + max + ", was " + limit + ".");
        }
        return limit;
    }

    static PushRunId pushRunId(Context ctx) {
        try {
            return new PushRunId(UUID.fromString(ctx.pathParam("run_id")));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(
                    "invalid_run_id", "A push run id is a UUID, was '" + ctx.pathParam("run_id") + "'.");
        }
    }

    private static int integer(Context ctx, String name, int defaultValue) {
        Optional<String> value = text(ctx, name, 10);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(
                    "invalid_parameter", name + " must be a whole number, was '" + value.get() + "'.");
        }
    }

    /** One of {@code values} by its code, naming the accepted codes when it is none of them. */
    static <E> Optional<E> oneOf(Context ctx, String name, E[] values, Function<E, String> code) {
        Optional<String> value = text(ctx, name, 50);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(values)
                .filter(v -> code.apply(v).equals(value.get()))
                .findFirst()
                .orElseThrow(() -> ApiError.badRequest(
                        "invalid_parameter",
                        "Unknown " + name + " '" + value.get() + "'; expected one of "
                                + Arrays.stream(values).map(code).collect(Collectors.joining(", ")) + ".")));
    }
}
