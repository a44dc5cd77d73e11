package io.hunterreferrals.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Builds commands that take the {@link CliContext} in their constructor; everything else picocli builds itself. */
final class CliFactory implements IFactory {

    private final CliContext context;
    private final IFactory fallback = CommandLine.defaultFactory();

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            var constructor = type.getDeclaredConstructor(CliContext.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
