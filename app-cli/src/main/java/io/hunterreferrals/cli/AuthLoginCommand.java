package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.partnercenter.AuthException;
import io.hunterreferrals.partnercenter.AuthFailure;
import io.hunterreferrals.partnercenter.DeviceCodePrompt;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.partnercenter.SignInResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * The device-code sign-in of runbook phase 2: shows the verification URL and the code, waits up to the code's lifetime
 * (Ctrl-C cancels and saves nothing), then shows expiry, token type, scope and where the cache was saved; never a
 * token.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Sign in with a device code and save the token cache (HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH).")
final class AuthLoginCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.cli.auth");
    private static final String RULE = "=".repeat(60);

    private final CliContext context;

    AuthLoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        HunterSettings settings = context.settings();
        PartnerCenterAuth auth = context.auth(settings.partnerCenter());
        if (!settings.partnerCenter().enabled()) {
            context.err()
                    .println("Note: HUNTER_PARTNER_CENTER_ENABLED is not true; signing in works, but `hunter sync` "
                            + "stays off until you set it.");
        }
        LOG.atInfo()
                .setMessage("partner_center_sign_in_started")
                .addKeyValue("source", "partner_center")
                .log();
        CompletableFuture<SignInResult> signIn = auth.signInAsync(this::showPrompt);
        Thread cancelOnCtrlC = new Thread(() -> cancel(signIn), "hunter-sign-in-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
        SignInResult result;
        try {
            result = signIn.get();
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (CancellationException e) {
            throw failed(new AuthException(AuthFailure.CANCELLED, "The sign-in was cancelled before it completed."));
        } finally {
            removeHook(cancelOnCtrlC);
        }
        LOG.atInfo()
                .setMessage("partner_center_sign_in_completed")
                .addKeyValue("source", "partner_center")
                .addKeyValue("expires_at", result.accessTokenExpiresAt().toString())
                .log();
        printSuccess(result, auth);
        return ExitCode.SUCCESS.code();
    }

    /** The prompt goes to stderr with the progress messages, so stdout keeps only the result. */
    private void showPrompt(DeviceCodePrompt prompt) {
        PrintWriter err = context.err();
        err.println(RULE);
        err.println("Partner Center - Device Code Flow Authentication");
        err.println(RULE);
        err.println();
        err.println("1. Open your browser and go to:");
        err.println("   " + prompt.verificationUri());
        err.println();
        err.println("2. Enter this code:");
        err.println("   " + prompt.userCode());
        err.println();
        err.println("3. Complete the sign-in (login + consent; MFA if enabled).");
        err.println();
        long minutes =
                Math.max(1, Duration.between(Instant.now(), prompt.expiresAt()).toMinutes());
        err.println("Waiting for authentication (up to " + minutes + " minutes; Ctrl-C cancels)...");
        err.println(RULE);
        err.flush();
    }

    private void printSuccess(SignInResult result, PartnerCenterAuth auth) {
        PrintWriter out = context.out();
        long seconds = Math.max(
                0,
                Duration.between(Instant.now(), result.accessTokenExpiresAt()).toSeconds());
        out.println("SUCCESS: Token acquired!");
        out.println();
        out.println("Token Information:");
        out.println("  - Signed in as: " + (result.username() == null ? "(unknown)" : result.username()));
        out.println("  - Expires in: " + seconds + " seconds (" + result.accessTokenExpiresAt() + ")");
        out.println("  - Token type: " + result.tokenType());
        out.println("  - Scope: " + String.join(" ", result.scopes()));
        out.println();
        out.println("Token cache saved to: " + auth.tokenCachePath());
        out.println();
        out.println("Next: `hunter sync` (runbook phase 3). MSAL refreshes the token silently from the cache.");
    }

    private CliException failed(Throwable cause) {
        AuthException auth = cause instanceof AuthException a
                ? a
                : new AuthException(AuthFailure.IDENTITY_PROVIDER, String.valueOf(cause.getMessage()), null, cause);
        LOG.atError()
                .setMessage("partner_center_auth_error")
                .addKeyValue("source", "partner_center")
                .addKeyValue("error_code", auth.code())
                .addKeyValue("provider_error_code", auth.providerErrorCode().orElse("none"))
                .log();
        ExitCode exit = switch (auth.failure()) {
            case CONFIGURATION -> ExitCode.CONFIG_INVALID;
            case IDENTITY_PROVIDER -> ExitCode.PARTNER_CENTER_ERROR;
            default -> ExitCode.SIGN_IN_REQUIRED;
        };
        return new CliException(exit, auth.code(), auth.getMessage() + " Run `hunter auth login` again.", auth);
    }

    private void cancel(CompletableFuture<SignInResult> signIn) {
        if (signIn.cancel(true)) {
            context.err().println("Sign-in cancelled; nothing was saved.");
            context.err().flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running
        }
    }
}
