package io.hunterreferrals.cli;

import io.hunterreferrals.partnercenter.AuthException;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Deletes the token cache; the next sync in any process needs a new sign-in. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Delete the token cache.")
final class AuthLogoutCommand implements Callable<Integer> {

    private final CliContext context;

    AuthLogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PartnerCenterAuth auth = context.auth(context.settings().partnerCenter());
        try {
            boolean deleted = auth.logout();
            context.out()
                    .println(
                            deleted
                                    ? "Signed out: deleted " + auth.tokenCachePath()
                                    : "Already signed out: there is no token cache at " + auth.tokenCachePath());
            return ExitCode.SUCCESS.code();
        } catch (AuthException e) {
            throw new CliException(ExitCode.INTERNAL_ERROR, e.code(), e.getMessage(), e);
        }
    }
}
