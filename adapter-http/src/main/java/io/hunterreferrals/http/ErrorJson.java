package io.hunterreferrals.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape: {@code {"error": {"code", "message"}}}, plus {@code reason} where a finer code helps. */
record ErrorJson(Detail error) {

    static ErrorJson of(String code, String message) {
        return new ErrorJson(new Detail(code, message, null));
    }

    static ErrorJson of(ApiError e) {
        return new ErrorJson(new Detail(e.code(), e.getMessage(), e.reason()));
    }

    record Detail(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}
}
