package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The metadata API bodies of dataverse.md §3 (create-update-column-definitions-using-web-api.md): a
 * StringAttributeMetadata with its MaxLength, a BooleanAttributeMetadata with its Yes/No option set, and an
 * EntityKeyMetadata over the referral-id column. Labels are English (LanguageCode 1033).
 */
final class MetadataBodies {

    private static final String CRM = "Microsoft.Dynamics.CRM.";
    private static final int ENGLISH = 1033;

    private MetadataBodies() {}

    static ObjectNode column(LeadColumns.Custom c) {
        ObjectNode b = Json.object();
        if (c.kind() == LeadColumns.Kind.STRING) {
            b.put("@odata.type", CRM + "StringAttributeMetadata");
            b.put("AttributeType", "String");
            b.putObject("AttributeTypeName").put("Value", "StringType");
            b.put("MaxLength", c.maxLength());
            b.putObject("FormatName").put("Value", "Text");
        } else {
            b.put("@odata.type", CRM + "BooleanAttributeMetadata");
            b.put("AttributeType", "Boolean");
            b.putObject("AttributeTypeName").put("Value", "BooleanType");
            b.put("DefaultValue", false);
            ObjectNode options = b.putObject("OptionSet");
            options.put("@odata.type", CRM + "BooleanOptionSetMetadata");
            options.putObject("TrueOption").put("Value", 1).set("Label", label("Yes"));
            options.putObject("FalseOption").put("Value", 0).set("Label", label("No"));
            options.put("OptionSetType", "Boolean");
        }
        b.put("SchemaName", c.schemaName());
        b.set("DisplayName", label(c.displayName()));
        b.set("Description", label(c.about()));
        b.putObject("RequiredLevel")
                .put("Value", "None")
                .put("CanBeChanged", true)
                .put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
        return b;
    }

    static ObjectNode key(LeadColumns columns) {
        ObjectNode b = Json.object();
        b.put("SchemaName", columns.keySchemaName());
        b.set("DisplayName", label("Partner Center referral ID"));
        b.putArray("KeyAttributes").add(columns.keyColumn());
        return b;
    }

    private static ObjectNode label(String text) {
        ObjectNode label = Json.object().put("@odata.type", CRM + "Label");
        label.putArray("LocalizedLabels")
                .addObject()
                .put("@odata.type", CRM + "LocalizedLabel")
                .put("Label", text)
                .put("LanguageCode", ENGLISH);
        return label;
    }
}
