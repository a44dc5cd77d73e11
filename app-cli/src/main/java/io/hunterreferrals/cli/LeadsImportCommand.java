package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import io.hunterreferrals.core.leadimport.ImportReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Imports known companies so referrals link to them; importing the same file twice changes nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Import companies from a CSV file with a header row: domain,name,country (name and country optional).")
final class LeadsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file.csv>", description = "The CSV file.")
    Path file;

    private final CliContext context;

    LeadsImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path resolved = context.workingDir().resolve(file);
        if (!Files.isRegularFile(resolved)) {
            throw new CliException(ExitCode.NOT_FOUND, "file_not_found", "There is no file " + resolved + ".");
        }
        try (Storage storage = context.openStorage(context.settings().database());
                InputStream in = Files.newInputStream(resolved)) {
            ImportReport report = storage.companyImport().importFile(in);
            PrintWriter out = context.out();
            out.println("Imported " + resolved.getFileName() + ":");
            out.println("  - Created: " + report.created());
            out.println("  - Already present: " + report.alreadyPresent());
            out.println("  - Rejected: " + report.rejected().size());
            report.rejected().forEach(line -> out.println("    line " + line.lineNumber() + ": " + line.reason()));
            return (report.rejected().isEmpty() ? ExitCode.SUCCESS : ExitCode.PARTIAL).code();
        } catch (CompanyRowReader.UnreadableFileException e) {
            throw new CliException(ExitCode.USAGE, "file_unreadable", e.getMessage());
        }
    }
}
