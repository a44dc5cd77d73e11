package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} prints the HTTP API's documents: every field the command prints is the one {@code openapi.json}
 * documents for the same endpoint, in the same types (JSON shape 2; README "JSON output").
 */
@ExtendWith(PostgresExtension.class)
class JsonShapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private Cli cli;
    private JsonNode schemas;

    @BeforeEach
    void start(TestPostgres pg, DataSource ds) throws IOException {
        PostgresExtension.truncateAll(ds);
        sim = PartnerCenterSimulator.builder()
                .referrals(40)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        sim.referrals().injectRaw("{\"name\":\"no id\",\"direction\":\"Incoming\",\"status\":\"New\"}");
        cli = Cli.against(sim, pg, dir);
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        try (InputStream document = getClass().getResourceAsStream("/io/hunterreferrals/http/openapi.json")) {
            schemas = MAPPER.readTree(document).at("/components/schemas");
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyListingAndTheDetailHaveTheApisShape() throws IOException {
        assertThat(cli.run("sync").exitCode()).isEqualTo(ExitCode.PARTIAL.code());
        Files.writeString(dir.resolve("leads.csv"), "domain,name\ncontoso.com,Contoso\n");
        assertThat(cli.run("leads", "import", "leads.csv").exitCode()).isZero();

        JsonNode inbox = json("referrals", "list", "--json");
        assertShape(inbox, "Inbox");
        assertThat(inbox.get("referrals")).isNotEmpty().allSatisfy(referral -> assertShape(referral, "Referral"));

        String id = inbox.at("/referrals/0/referral_id").asText();
        JsonNode detail = json("referrals", "show", id, "--json", "--raw");
        assertShape(detail, "ReferralDetail");
        assertThat(detail.get("raw").isObject()).isTrue();
        assertThat(json("referrals", "show", id, "--json").has("raw")).isFalse();

        JsonNode leads = json("leads", "list", "--json");
        assertShape(leads, "LeadPage");
        assertThat(leads.get("leads")).isNotEmpty().allSatisfy(lead -> assertShape(lead, "Lead"));

        JsonNode failures = json("sync", "failures", "--json", "--payload");
        assertShape(failures, "QuarantinePage");
        assertThat(failures.get("failures")).hasSize(1).allSatisfy(entry -> assertShape(entry, "QuarantinedReferral"));
    }

    @Test
    void unclassifiedIsTheWordForAReferralNoRuleCouldClassify() {
        Cli.Result list = cli.run("referrals", "list", "--type", "unclassified");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        Cli.Result wrong = cli.run("referrals", "list", "--type", "co_sell");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(wrong.err()).contains("expected co-sell, marketplace, solution-provider or unclassified");
    }

    private JsonNode json(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        try {
            return MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + result.out(), e);
        }
    }

    /** The document's fields are the schema's properties (optional ones may be absent), with the documented types. */
    private void assertShape(JsonNode document, String schemaName) {
        JsonNode schema = schemas.get(schemaName);
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        List<String> printed = new ArrayList<>();
        document.fieldNames().forEachRemaining(printed::add);
        assertThat(documented).as(schemaName).containsAll(printed);
        schema.get("required")
                .forEach(name -> assertThat(printed).as(schemaName).contains(name.asText()));
        document.properties()
                .forEach(field -> assertThat(matches(field.getValue(), schema.at("/properties/" + field.getKey())))
                        .as(schemaName + "." + field.getKey() + " = " + field.getValue())
                        .isTrue());
    }

    private boolean matches(JsonNode value, JsonNode property) {
        if (property.has("$ref")) {
            return value.isObject() || value.isTextual(); // a referenced object or enum; its own shape is checked above
        }
        if (property.has("oneOf")) {
            for (JsonNode option : property.get("oneOf")) {
                if (matches(value, option)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode type = property.get("type");
        if (type == null) {
            return true; // free-form (the raw payload)
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (isType(value, option.asText())) {
                    return true;
                }
            }
            return false;
        }
        return isType(value, type.asText());
    }

    private static boolean isType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
