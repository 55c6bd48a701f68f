using System.Text.Json.Nodes;
using Refold.Emulator.Groups;
using Refold.Emulator.State;

namespace Refold.Emulator.Seed;

/// <summary>
/// The demo org's config field definitions (HubSpot, Zendesk, Slack, Salesforce), their datasources, and the installed
/// configs of the two demo accounts with values and legacy datastores. Documented in the emulator README.
/// </summary>
internal static class DemoConfigs
{
    /// <summary>Field ids are fixed so docs and tests can name them.</summary>
    public static class FieldIds
    {
        public const string HubSpotOwnerEmail = "66a1f00dbeefcafe00000401";
        public const string HubSpotSyncInterval = "66a1f00dbeefcafe00000402";
        public const string HubSpotLifecycleStage = "66a1f00dbeefcafe00000403";
        public const string HubSpotPipeline = "66a1f00dbeefcafe00000404";
        public const string HubSpotDealStage = "66a1f00dbeefcafe00000405";
        public const string HubSpotFieldMapping = "66a1f00dbeefcafe00000406";
        public const string HubSpotRoutingRules = "66a1f00dbeefcafe00000407";
        public const string ZendeskTicketGroup = "66a1f00dbeefcafe00000411";
        public const string ZendeskTagPrefix = "66a1f00dbeefcafe00000412";
        public const string ZendeskSyncDays = "66a1f00dbeefcafe00000413";
        public const string ZendeskEscalationRules = "66a1f00dbeefcafe00000414";
        public const string ZendeskWatchedTickets = "66a1f00dbeefcafe00000415";
        public const string SlackAlertChannel = "66a1f00dbeefcafe00000421";
        public const string SlackMessagePrefix = "66a1f00dbeefcafe00000422";
        public const string SalesforceOwner = "66a1f00dbeefcafe00000431";
        public const string SalesforceStage = "66a1f00dbeefcafe00000432";
        public const string SalesforceMinimumAmount = "66a1f00dbeefcafe00000433";
        public const string SalesforceFieldMap = "66a1f00dbeefcafe00000434";
        public const string SalesforceAccounts = "66a1f00dbeefcafe00000435";
    }

    public static void Seed(DemoSeed seed)
    {
        var definitions = seed.Partition.Collection(ConfigFields.Definitions);
        foreach (var field in Fields())
        {
            definitions.Insert(field);
        }

        var datasources = seed.Partition.Collection(ConfigDatasources.Collection);
        foreach (var datasource in Datasources())
        {
            datasources.Insert(datasource);
        }

        var configs = seed.Partition.Collection(Collections.Configs);
        foreach (var config in Configs(seed))
        {
            configs.Insert(config);
        }
    }

    private static JsonObject Field(string id, string slug, string name, string type, JsonObject? extra = null)
    {
        var field = new JsonObject { ["_id"] = id, ["slug"] = slug, ["name"] = name, ["field_type"] = type, ["required"] = false, ["multiple"] = false, ["hidden"] = false };
        foreach (var (key, value) in extra ?? [])
        {
            field[key] = value?.DeepClone();
        }

        return field;
    }

    private static JsonObject Source(string name) => new() { ["name"] = name };

    private static JsonArray Options(params (string Name, JsonNode Value)[] options) =>
        new([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["value"] = o.Value.DeepClone() })]);

    private static IEnumerable<JsonObject> Fields() =>
    [
        Field(FieldIds.HubSpotOwnerEmail, "hubspot", "Contact owner email", "text", new() { ["required"] = true, ["help_text"] = "Owner assigned to contacts the sync creates", ["defaultValue"] = "" }),
        Field(FieldIds.HubSpotSyncInterval, "hubspot", "Sync interval (minutes)", "number", new() { ["defaultValue"] = 60 }),
        Field(FieldIds.HubSpotLifecycleStage, "hubspot", "Default lifecycle stage", "select", new() { ["data_source"] = Source("hubspot_lifecycle_stages") }),
        Field(FieldIds.HubSpotPipeline, "hubspot", "Deal pipeline", "select", new() { ["data_source"] = Source("hubspot_pipelines") }),
        Field(FieldIds.HubSpotDealStage, "hubspot", "Deal stage", "select", new() { ["parent"] = FieldIds.HubSpotPipeline, ["data_source"] = Source("hubspot_deal_stages"), ["help_text"] = "Stages of the chosen pipeline" }),
        Field(FieldIds.HubSpotFieldMapping, "hubspot", "Contact field mapping", "map", new()
        {
            ["labels"] = new JsonObject { ["email"] = "Email", ["firstname"] = "First name", ["lastname"] = "Last name" },
            ["options"] = Options(("Email address", "email_address"), ("Given name", "given_name"), ("Family name", "family_name"), ("Phone number", "phone_number")),
        }),
        Field(FieldIds.HubSpotRoutingRules, "hubspot", "Lead routing rules", "rule_engine", new()
        {
            ["rule_columns"] = new JsonArray(
                new JsonObject { ["name"] = "Lifecycle stage", ["field_type"] = "select", ["data_source"] = Source("hubspot_lifecycle_stages") },
                new JsonObject { ["name"] = "Contact", ["field_type"] = "select", ["data_source"] = Source("hubspot_contacts") },
                new JsonObject { ["name"] = "Deal amount", ["field_type"] = "number" }),
        }),

        Field(FieldIds.ZendeskTicketGroup, "zendesk", "Default ticket group", "select", new() { ["options"] = Options(("Tier 1", "t1"), ("Tier 2", "t2"), ("Billing", "billing")) }),
        Field(FieldIds.ZendeskTagPrefix, "zendesk", "Ticket tag prefix", "text", new() { ["defaultValue"] = "refold" }),
        Field(FieldIds.ZendeskSyncDays, "zendesk", "Sync tickets of the last (days)", "number", new() { ["defaultValue"] = 30 }),
        Field(FieldIds.ZendeskEscalationRules, "zendesk", "Escalation rules", "rule_engine", new()
        {
            ["rule_columns"] = new JsonArray(
                new JsonObject { ["name"] = "Status", ["field_type"] = "select", ["data_source"] = Source("zendesk_ticket_statuses") },
                new JsonObject { ["name"] = "Priority", ["field_type"] = "select", ["options"] = Options(("Low", "low"), ("Normal", "normal"), ("High", "high"), ("Urgent", "urgent")) }),
        }),
        Field(FieldIds.ZendeskWatchedTickets, "zendesk", "Tickets to watch", "select", new() { ["multiple"] = true, ["data_source"] = Source("zendesk_tickets") }),

        Field(FieldIds.SlackAlertChannel, "slack", "Alert channel", "select", new() { ["required"] = true, ["data_source"] = Source("slack_channels") }),
        Field(FieldIds.SlackMessagePrefix, "slack", "Message prefix", "text", new() { ["defaultValue"] = ":robot_face:" }),

        Field(FieldIds.SalesforceOwner, "salesforce", "Account owner", "text", new() { ["required"] = true }),
        Field(FieldIds.SalesforceStage, "salesforce", "Opportunity stage filter", "select", new() { ["data_source"] = Source("salesforce_stages") }),
        Field(FieldIds.SalesforceMinimumAmount, "salesforce", "Minimum opportunity amount", "number", new() { ["defaultValue"] = 0 }),
        Field(FieldIds.SalesforceFieldMap, "salesforce", "Account field map", "map", new()
        {
            ["labels"] = new JsonObject { ["Name"] = "Account name", ["Industry"] = "Industry", ["Website"] = "Website" },
            ["options"] = Options(("Company", "company"), ("Sector", "sector"), ("Homepage", "homepage")),
        }),
        Field(FieldIds.SalesforceAccounts, "salesforce", "Accounts to sync", "select", new() { ["multiple"] = true, ["data_source"] = Source("salesforce_accounts") }),
    ];

    private static IEnumerable<JsonObject> Datasources() =>
    [
        new() { ["name"] = "hubspot_lifecycle_stages", ["slug"] = "hubspot", ["options"] = Options(("Subscriber", "subscriber"), ("Lead", "lead"), ("Opportunity", "opportunity"), ("Customer", "customer")) },
        new() { ["name"] = "hubspot_pipelines", ["slug"] = "hubspot", ["options"] = Options(("Sales pipeline", "default"), ("Partner pipeline", "partners")) },
        new()
        {
            ["name"] = "hubspot_deal_stages", ["slug"] = "hubspot",
            ["options_by_parent"] = new JsonObject
            {
                ["default"] = Options(("Appointment scheduled", "appointmentscheduled"), ("Qualified to buy", "qualifiedtobuy"), ("Contract sent", "contractsent"), ("Closed won", "closedwon")),
                ["partners"] = Options(("Partner sourced", "partner_sourced"), ("Co-selling", "co_selling"), ("Partner won", "partner_won")),
            },
        },
        new() { ["name"] = "hubspot_contacts", ["slug"] = "hubspot", ["action_id"] = "list_contacts", ["label_key"] = "email", ["value_key"] = "id" },
        new() { ["name"] = "zendesk_ticket_statuses", ["slug"] = "zendesk", ["options"] = Options(("Open", "open"), ("Pending", "pending"), ("Solved", "solved")) },
        new() { ["name"] = "zendesk_tickets", ["slug"] = "zendesk", ["action_id"] = "list_tickets", ["label_key"] = "subject", ["value_key"] = "id" },
        new() { ["name"] = "slack_channels", ["slug"] = "slack", ["action_id"] = "list_channels", ["label_key"] = "name", ["value_key"] = "id" },
        new() { ["name"] = "salesforce_stages", ["slug"] = "salesforce", ["options"] = Options(("Prospecting", "Prospecting"), ("Negotiation", "Negotiation"), ("Closed Won", "Closed Won")) },
        new() { ["name"] = "salesforce_accounts", ["slug"] = "salesforce", ["action_id"] = "list_accounts", ["label_key"] = "Name", ["value_key"] = "id" },
    ];

    private static IEnumerable<JsonObject> Configs(DemoSeed seed)
    {
        JsonObject Config(string account, string slug, string configId, JsonObject values, JsonArray? datastores = null, int daysAgo = 20) => new()
        {
            ["org_id"] = seed.Org.Id,
            ["environment"] = seed.Partition.Environment,
            ["linked_account_id"] = account,
            ["slug"] = slug,
            ["config_id"] = configId,
            ["values"] = values,
            ["workflows"] = new JsonArray(),
            ["store_variables"] = datastores ?? [],
            ["createdAt"] = seed.Ago(TimeSpan.FromDays(daysAgo)),
            ["updatedAt"] = seed.Ago(TimeSpan.FromDays(daysAgo - 1)),
        };

        static JsonObject Rule(string column, string op, JsonNode rhs, string result) => new()
        {
            ["conditions"] = new JsonArray(new JsonObject { ["lhs"] = column, ["operator"] = op, ["rhs"] = rhs }),
            ["result"] = result,
        };

        static JsonObject Store(string name, params JsonObject[] records) => new() { ["name"] = name, ["data"] = new JsonArray([.. records]) };

        return
        [
            Config(DemoOrg.GlobexAccount, "hubspot", DemoOrg.GlobexAccount, new()
            {
                [FieldIds.HubSpotOwnerEmail] = "sales-ops@globex.example.com",
                [FieldIds.HubSpotSyncInterval] = 15,
                [FieldIds.HubSpotLifecycleStage] = "lead",
                [FieldIds.HubSpotPipeline] = "default",
                [FieldIds.HubSpotDealStage] = "qualifiedtobuy",
                [FieldIds.HubSpotFieldMapping] = new JsonObject { ["email"] = "email_address", ["firstname"] = "given_name", ["lastname"] = "family_name" },
                [FieldIds.HubSpotRoutingRules] = new JsonObject
                {
                    ["rules"] = new JsonArray(Rule("Lifecycle stage", "equals", "customer", "key-accounts@globex.example.com"), Rule("Deal amount", "greater_than", 40000, "enterprise@globex.example.com")),
                },
            }, new JsonArray(
                Store("contact_sync_cursor", new JsonObject { ["id"] = "cursor", ["after"] = "1003", ["last_synced_at"] = seed.Ago(TimeSpan.FromHours(2)) }),
                Store("synced_companies",
                    new JsonObject { ["id"] = "r1", ["org_name"] = "Globex", ["domain"] = "globex.example.com", ["synced"] = true },
                    new JsonObject { ["id"] = "r2", ["org_name"] = "Globex Logistics", ["domain"] = "logistics.globex.example.com", ["synced"] = true },
                    new JsonObject { ["id"] = "r3", ["org_name"] = "Hooli", ["domain"] = "hooli.example.com", ["synced"] = false })), daysAgo: 25),
            Config(DemoOrg.GlobexAccount, "hubspot", "staging", new()
            {
                [FieldIds.HubSpotOwnerEmail] = "qa@globex.example.com",
                [FieldIds.HubSpotSyncInterval] = 5,
                [FieldIds.HubSpotPipeline] = "partners",
            }, daysAgo: 12),
            Config(DemoOrg.GlobexAccount, "zendesk", DemoOrg.GlobexAccount, new()
            {
                [FieldIds.ZendeskTicketGroup] = "t1",
                [FieldIds.ZendeskTagPrefix] = "gx",
                [FieldIds.ZendeskEscalationRules] = new JsonObject { ["rules"] = new JsonArray(Rule("Priority", "equals", "urgent", "t2")) },
                [FieldIds.ZendeskWatchedTickets] = new JsonArray("4711"),
            }, daysAgo: 18),
            Config(DemoOrg.InitechAccount, "salesforce", DemoOrg.InitechAccount, new()
            {
                [FieldIds.SalesforceOwner] = "bill.lumbergh@initech.example.com",
                [FieldIds.SalesforceStage] = "Negotiation",
                [FieldIds.SalesforceMinimumAmount] = 5000,
                [FieldIds.SalesforceFieldMap] = new JsonObject { ["Name"] = "company", ["Website"] = "homepage" },
                [FieldIds.SalesforceAccounts] = new JsonArray("001Dp00000A1"),
            }, new JsonArray(
                Store("synced_opportunities",
                    new JsonObject { ["id"] = "006Dp00000B1", ["name"] = "Acme - 200 seats", ["stage"] = "Negotiation", ["synced"] = true },
                    new JsonObject { ["id"] = "006Dp00000B2", ["name"] = "Umbrella pilot", ["stage"] = "Prospecting", ["synced"] = false })), daysAgo: 10),
        ];
    }
}
