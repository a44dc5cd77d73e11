package io.hunterreferrals.cli;

import io.hunterreferrals.partnercenter.AuthStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** What the token cache says, read locally without a network call. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether a sign-in is cached, for which account and until when. Exit 6 when signed out.")
final class AuthStatusCommand implements Callable<Integer> {

    private final CliContext context;

    AuthStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AuthStatus status = context.auth(context.settings().partnerCenter()).status();
        PrintWriter out = context.out();
        switch (status) {
            case AuthStatus.SignedIn in -> {
                out.println("Signed in as: " + in.username());
                out.println("Access token expires: "
                        + in.accessTokenExpiresAt().map(Instant::toString).orElse("(none cached)"));
                out.println(
                        "Refresh token cached: " + (in.refreshTokenPresent() ? "yes (silent sign-in works)" : "no"));
                out.println("Token cache: " + in.cachePath());
                return ExitCode.SUCCESS.code();
            }
            case AuthStatus.SignedOut signedOut ->
                throw new CliException(ExitCode.SIGN_IN_REQUIRED, "signed_out", signedOut.reason());
            case AuthStatus.CacheUnreadable unreadable ->
                throw new CliException(ExitCode.SIGN_IN_REQUIRED, "token_cache_unreadable", unreadable.message());
        }
    }
}
