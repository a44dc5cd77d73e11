package io.hunterreferrals.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One column of the simulated lead table, standard or custom, as its attribute metadata describes it.
 *
 * @param maxLength for String and Memo columns; 0 otherwise
 * @param options the allowed values of a Picklist, State or Status column (Boolean: 0 and 1); empty otherwise
 * @param writable false for columns the server computes (fullname, createdon, ...): values sent for them are ignored,
 *     as dataverse.md §4 says Dataverse does
 */
public record DataverseColumn(
        String logicalName,
        String schemaName,
        Type type,
        int maxLength,
        boolean custom,
        boolean writable,
        List<Integer> options) {

    /** The AttributeType values the simulator knows; {@link #attributeType()} is the Web API's spelling. */
    public enum Type {
        STRING("String"),
        MEMO("Memo"),
        BOOLEAN("Boolean"),
        PICKLIST("Picklist"),
        MONEY("Money"),
        LOOKUP("Lookup"),
        OWNER("Owner"),
        STATE("State"),
        STATUS("Status"),
        UNIQUEIDENTIFIER("Uniqueidentifier"),
        DATETIME("DateTime"),
        BIGINT("BigInt");

        private final String attributeType;

        Type(String attributeType) {
            this.attributeType = attributeType;
        }

        public String attributeType() {
            return attributeType;
        }

        /** The metadata class under Microsoft.Dynamics.CRM, e.g. StringAttributeMetadata. */
        public String metadataType() {
            return switch (this) {
                case UNIQUEIDENTIFIER -> "UniqueIdentifierAttributeMetadata";
                case OWNER -> "LookupAttributeMetadata";
                default -> attributeType + "AttributeMetadata";
            };
        }
    }

    public DataverseColumn {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        if (!logicalName.equals(logicalName.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("logical names are lower case: " + logicalName);
        }
    }

    /** A custom single-line text column; the schema name keeps the prefix lower case, like the maker portal does. */
    public static DataverseColumn customString(String logicalName, int maxLength) {
        return new DataverseColumn(logicalName, logicalName, Type.STRING, maxLength, true, true, List.of());
    }

    public static DataverseColumn customBoolean(String logicalName) {
        return new DataverseColumn(logicalName, logicalName, Type.BOOLEAN, 0, true, true, List.of(0, 1));
    }

    public static DataverseColumn customPicklist(String logicalName, List<Integer> options) {
        return new DataverseColumn(logicalName, logicalName, Type.PICKLIST, 0, true, true, options);
    }

    /** Set through {@code <name>@odata.bind} and read back as {@code _<name>_value}. */
    public boolean isLookup() {
        return type == Type.LOOKUP || type == Type.OWNER;
    }

    /** The property name GET responses and $select use: {@code _x_value} for lookups, the logical name otherwise. */
    public String propertyName() {
        return isLookup() ? "_" + logicalName + "_value" : logicalName;
    }
}
