using System.Text.Json.Nodes;

namespace Refold.Emulator.Seed;

/// <summary>A credential field or an action input: name, label, whether required, form type.</summary>
public sealed record AppField(string Name, string Label, bool Required = true, string Type = "text");

/// <summary>What an action does to the app's records (the emulator keeps a small record store per account and app).</summary>
public enum ActionKind
{
    List,
    Search,
    Get,
    Create,
    Update,
    Delete,
}

/// <summary>One prebuilt action of an app. <see cref="Resource"/> names the record set it works on; <see cref="IdParameter"/> the input holding a record id.</summary>
public sealed record AppAction(string Id, string Name, string Description, ActionKind Kind, string Resource, IReadOnlyList<AppField> Parameters, string? IdParameter = null);

/// <summary>
/// An application of the demo catalogue: auth types (the first is the default), the key-based credential form,
/// the OAuth consent endpoint, actions, and the sample records a newly touched account starts with.
/// </summary>
public sealed record AppDefinition
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    /// <summary>The app's id (a Mongo ObjectId).</summary>
    public required string AppId { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary><c>oauth2</c> and/or <c>keybased</c>; the first is the app's default.</summary>
    public required IReadOnlyList<string> AuthTypes { get; init; }

    /// <summary>The key-based credential form (empty for OAuth-only apps).</summary>
    public IReadOnlyList<AppField> KeyFields { get; init; } = [];

    /// <summary>The provider's consent endpoint, for OAuth2 apps.</summary>
    public string? AuthorizeUrl { get; init; }

    public string Scope { get; init; } = "";

    /// <summary>Prefix of the ids the app gives new records, e.g. <c>cus_</c>; numeric ids when empty.</summary>
    public string IdPrefix { get; init; } = "";

    public required IReadOnlyList<AppAction> Actions { get; init; }

    /// <summary>Per resource, the records a linked account sees the first time it touches the app.</summary>
    public required IReadOnlyDictionary<string, JsonObject[]> Samples { get; init; }

    public string AuthType => AuthTypes[0];

    public string Icon => $"https://assets.refold.ai/icons/{Slug}.png";

    public AppAction? Action(string id) => Actions.FirstOrDefault(a => a.Id == id);
}

/// <summary>The applications every emulated org has enabled (10 of them). Documented in the emulator README.</summary>
public static class DemoApps
{
    private static AppField Opt(string name, string label, string type = "text") => new(name, label, Required: false, type);

    public static IReadOnlyList<AppDefinition> All { get; } =
    [
        new()
        {
            Slug = "hubspot", Name = "HubSpot", AppId = "66a1f00dbeefcafe000000d1", Tags = ["CRM", "Marketing"], AuthTypes = ["oauth2"],
            Description = "CRM with contacts, companies and deals.",
            AuthorizeUrl = "https://app.hubspot.com/oauth/authorize", Scope = "crm.objects.contacts.read crm.objects.contacts.write",
            Actions =
            [
                new("list_contacts", "List Contacts", "List contacts in the CRM", ActionKind.List, "contacts", [Opt("limit", "Maximum number of contacts", "number")]),
                new("search_contacts", "Search Contacts", "Find contacts whose fields contain a text", ActionKind.Search, "contacts", [new("query", "Text to search for")]),
                new("get_contact", "Get Contact", "Fetch one contact by id", ActionKind.Get, "contacts", [new("contact_id", "Contact id")], "contact_id"),
                new("create_contact", "Create Contact", "Create a new contact", ActionKind.Create, "contacts", [new("email", "Email"), Opt("firstname", "First name"), Opt("lastname", "Last name"), Opt("phone", "Phone")]),
                new("update_contact", "Update Contact", "Change fields of a contact", ActionKind.Update, "contacts", [new("contact_id", "Contact id"), Opt("email", "Email"), Opt("firstname", "First name"), Opt("lastname", "Last name"), Opt("phone", "Phone")], "contact_id"),
                new("list_deals", "List Deals", "List open deals", ActionKind.List, "deals", [Opt("limit", "Maximum number of deals", "number")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["contacts"] =
                [
                    new() { ["id"] = "1001", ["email"] = "jane.doe@example.com", ["firstname"] = "Jane", ["lastname"] = "Doe", ["phone"] = "+1 555 0100", ["lifecyclestage"] = "customer" },
                    new() { ["id"] = "1002", ["email"] = "raj.patel@example.com", ["firstname"] = "Raj", ["lastname"] = "Patel", ["phone"] = "+1 555 0101", ["lifecyclestage"] = "lead" },
                    new() { ["id"] = "1003", ["email"] = "li.wei@example.com", ["firstname"] = "Li", ["lastname"] = "Wei", ["phone"] = "+1 555 0102", ["lifecyclestage"] = "opportunity" },
                ],
                ["deals"] =
                [
                    new() { ["id"] = "2001", ["dealname"] = "Globex renewal", ["amount"] = "48000", ["dealstage"] = "contractsent" },
                    new() { ["id"] = "2002", ["dealname"] = "Initech expansion", ["amount"] = "12500", ["dealstage"] = "qualifiedtobuy" },
                ],
            },
        },
        new()
        {
            Slug = "salesforce", Name = "Salesforce", AppId = "66a1f00dbeefcafe000000d2", Tags = ["CRM"], AuthTypes = ["oauth2"],
            Description = "CRM with accounts, contacts and opportunities.",
            AuthorizeUrl = "https://login.salesforce.com/services/oauth2/authorize", Scope = "api refresh_token", IdPrefix = "001Dp00000",
            Actions =
            [
                new("list_accounts", "List Accounts", "List accounts", ActionKind.List, "accounts", [Opt("limit", "Maximum number of accounts", "number")]),
                new("get_account", "Get Account", "Fetch one account by id", ActionKind.Get, "accounts", [new("account_id", "Account id")], "account_id"),
                new("create_account", "Create Account", "Create an account", ActionKind.Create, "accounts", [new("Name", "Account name"), Opt("Industry", "Industry"), Opt("Website", "Website")]),
                new("search_opportunities", "Search Opportunities", "Find opportunities by text", ActionKind.Search, "opportunities", [new("query", "Text to search for")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["accounts"] =
                [
                    new() { ["id"] = "001Dp00000A1", ["Name"] = "Acme Corporation", ["Industry"] = "Manufacturing", ["Website"] = "https://acme.example.com" },
                    new() { ["id"] = "001Dp00000A2", ["Name"] = "Umbrella Health", ["Industry"] = "Healthcare", ["Website"] = "https://umbrella.example.com" },
                ],
                ["opportunities"] =
                [
                    new() { ["id"] = "006Dp00000B1", ["Name"] = "Acme - 200 seats", ["StageName"] = "Negotiation", ["Amount"] = 90000 },
                    new() { ["id"] = "006Dp00000B2", ["Name"] = "Umbrella pilot", ["StageName"] = "Prospecting", ["Amount"] = 15000 },
                ],
            },
        },
        new()
        {
            Slug = "zendesk", Name = "Zendesk", AppId = "66a1f00dbeefcafe000000d3", Tags = ["Support"], AuthTypes = ["keybased", "oauth2"],
            Description = "Customer support ticketing.",
            KeyFields = [new("subdomain", "Subdomain"), new("email", "Agent email"), new("api_token", "API token", Type: "password")],
            AuthorizeUrl = "https://example.zendesk.com/oauth/authorizations/new", Scope = "read write",
            Actions =
            [
                new("list_tickets", "List Tickets", "List recent tickets", ActionKind.List, "tickets", [Opt("status", "Only tickets with this status")]),
                new("get_ticket", "Get Ticket", "Fetch one ticket by id", ActionKind.Get, "tickets", [new("ticket_id", "Ticket id")], "ticket_id"),
                new("create_ticket", "Create Ticket", "Open a new ticket", ActionKind.Create, "tickets", [new("subject", "Ticket subject"), Opt("description", "Description", "textarea"), Opt("priority", "Priority")]),
                new("update_ticket", "Update Ticket", "Change a ticket's status or priority", ActionKind.Update, "tickets", [new("ticket_id", "Ticket id"), Opt("status", "Status"), Opt("priority", "Priority")], "ticket_id"),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["tickets"] =
                [
                    new() { ["id"] = "4711", ["subject"] = "Printer on fire", ["status"] = "open", ["priority"] = "urgent" },
                    new() { ["id"] = "4712", ["subject"] = "Password reset", ["status"] = "solved", ["priority"] = "low" },
                    new() { ["id"] = "4713", ["subject"] = "Invoice question", ["status"] = "pending", ["priority"] = "normal" },
                ],
            },
        },
        new()
        {
            Slug = "slack", Name = "Slack", AppId = "66a1f00dbeefcafe000000d4", Tags = ["Communication"], AuthTypes = ["oauth2"],
            Description = "Team messaging.",
            AuthorizeUrl = "https://slack.com/oauth/v2/authorize", Scope = "chat:write channels:read", IdPrefix = "C0",
            Actions =
            [
                new("list_channels", "List Channels", "List public channels", ActionKind.List, "channels", []),
                new("send_message", "Send Message", "Post a message to a channel", ActionKind.Create, "messages", [new("channel", "Channel id or name"), new("text", "Message text", Type: "textarea")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["channels"] =
                [
                    new() { ["id"] = "C01GENERAL", ["name"] = "general", ["is_private"] = false, ["num_members"] = 42 },
                    new() { ["id"] = "C02ALERTS", ["name"] = "alerts", ["is_private"] = false, ["num_members"] = 7 },
                ],
                ["messages"] = [],
            },
        },
        new()
        {
            Slug = "stripe", Name = "Stripe", AppId = "66a1f00dbeefcafe000000d5", Tags = ["Payments", "Finance"], AuthTypes = ["keybased"],
            Description = "Online payments and billing.",
            KeyFields = [new("api_key", "Secret key", Type: "password")], IdPrefix = "cus_",
            Actions =
            [
                new("list_customers", "List Customers", "List customers", ActionKind.List, "customers", [Opt("limit", "Maximum number of customers", "number")]),
                new("create_customer", "Create Customer", "Create a customer", ActionKind.Create, "customers", [new("email", "Email"), Opt("name", "Name")]),
                new("list_invoices", "List Invoices", "List invoices", ActionKind.List, "invoices", [Opt("customer", "Only invoices of this customer id")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["customers"] =
                [
                    new() { ["id"] = "cus_Q1a2b3c4", ["email"] = "billing@globex.example.com", ["name"] = "Globex Corp", ["currency"] = "usd" },
                    new() { ["id"] = "cus_Q5d6e7f8", ["email"] = "ap@initech.example.com", ["name"] = "Initech", ["currency"] = "usd" },
                ],
                ["invoices"] =
                [
                    new() { ["id"] = "in_1Pa", ["customer"] = "cus_Q1a2b3c4", ["amount_due"] = 4800, ["status"] = "paid" },
                    new() { ["id"] = "in_1Pb", ["customer"] = "cus_Q5d6e7f8", ["amount_due"] = 1250, ["status"] = "open" },
                ],
            },
        },
        new()
        {
            Slug = "jira", Name = "Jira", AppId = "66a1f00dbeefcafe000000d6", Tags = ["Project Management"], AuthTypes = ["keybased"],
            Description = "Issue and project tracking.",
            KeyFields = [new("domain", "Site domain, e.g. acme.atlassian.net"), new("email", "Account email"), new("api_token", "API token", Type: "password")], IdPrefix = "PROJ-",
            Actions =
            [
                new("list_issues", "List Issues", "List issues of a project", ActionKind.List, "issues", [Opt("project_key", "Project key")]),
                new("get_issue", "Get Issue", "Fetch one issue by key", ActionKind.Get, "issues", [new("issue_key", "Issue key")], "issue_key"),
                new("create_issue", "Create Issue", "Create an issue", ActionKind.Create, "issues", [new("project_key", "Project key"), new("summary", "Summary"), Opt("issue_type", "Issue type")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["issues"] =
                [
                    new() { ["id"] = "PROJ-101", ["project_key"] = "PROJ", ["summary"] = "Checkout fails on Safari", ["issue_type"] = "Bug", ["status"] = "In Progress" },
                    new() { ["id"] = "PROJ-102", ["project_key"] = "PROJ", ["summary"] = "Add SSO login", ["issue_type"] = "Story", ["status"] = "To Do" },
                ],
            },
        },
        new()
        {
            Slug = "googlesheets", Name = "Google Sheets", AppId = "66a1f00dbeefcafe000000d7", Tags = ["Productivity"], AuthTypes = ["oauth2"],
            Description = "Spreadsheets in Google Drive.",
            AuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth", Scope = "https://www.googleapis.com/auth/spreadsheets",
            Actions =
            [
                new("read_rows", "Read Rows", "Read the rows of a sheet", ActionKind.List, "rows", [new("spreadsheet_id", "Spreadsheet id"), Opt("range", "A1 range, e.g. Sheet1!A1:C10")]),
                new("append_row", "Append Row", "Append a row to a sheet", ActionKind.Create, "rows", [new("spreadsheet_id", "Spreadsheet id"), new("values", "Comma-separated cell values")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["rows"] =
                [
                    new() { ["id"] = "1", ["spreadsheet_id"] = "1BxiMVs0XRA5nFMd", ["values"] = "Region,Revenue" },
                    new() { ["id"] = "2", ["spreadsheet_id"] = "1BxiMVs0XRA5nFMd", ["values"] = "EMEA,120000" },
                    new() { ["id"] = "3", ["spreadsheet_id"] = "1BxiMVs0XRA5nFMd", ["values"] = "APAC,95000" },
                ],
            },
        },
        new()
        {
            Slug = "shopify", Name = "Shopify", AppId = "66a1f00dbeefcafe000000d8", Tags = ["E-commerce"], AuthTypes = ["keybased"],
            Description = "Online store orders and products.",
            KeyFields = [new("shop_domain", "Shop domain, e.g. acme.myshopify.com"), new("access_token", "Admin API access token", Type: "password")],
            Actions =
            [
                new("list_orders", "List Orders", "List recent orders", ActionKind.List, "orders", [Opt("status", "Only orders with this financial status")]),
                new("get_order", "Get Order", "Fetch one order by id", ActionKind.Get, "orders", [new("order_id", "Order id")], "order_id"),
                new("list_products", "List Products", "List products", ActionKind.List, "products", []),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["orders"] =
                [
                    new() { ["id"] = "5501", ["name"] = "#1001", ["total_price"] = "59.90", ["status"] = "paid" },
                    new() { ["id"] = "5502", ["name"] = "#1002", ["total_price"] = "129.00", ["status"] = "pending" },
                ],
                ["products"] =
                [
                    new() { ["id"] = "7701", ["title"] = "Blue mug", ["price"] = "12.00", ["inventory_quantity"] = 140 },
                    new() { ["id"] = "7702", ["title"] = "Canvas tote", ["price"] = "24.00", ["inventory_quantity"] = 35 },
                ],
            },
        },
        new()
        {
            Slug = "mailchimp", Name = "Mailchimp", AppId = "66a1f00dbeefcafe000000d9", Tags = ["Marketing"], AuthTypes = ["keybased"],
            Description = "Email marketing audiences and campaigns.",
            KeyFields = [new("api_key", "API key", Type: "password"), new("server_prefix", "Server prefix, e.g. us21", Required: false)],
            Actions =
            [
                new("list_members", "List Members", "List the members of an audience", ActionKind.List, "members", [new("list_id", "Audience id")]),
                new("add_member", "Add Member", "Subscribe an email address to an audience", ActionKind.Create, "members", [new("list_id", "Audience id"), new("email_address", "Email"), Opt("status", "subscribed or pending")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["members"] =
                [
                    new() { ["id"] = "m-1", ["list_id"] = "a1b2c3", ["email_address"] = "newsletter@globex.example.com", ["status"] = "subscribed" },
                ],
            },
        },
        new()
        {
            Slug = "github", Name = "GitHub", AppId = "66a1f00dbeefcafe000000da", Tags = ["Developer Tools"], AuthTypes = ["oauth2"],
            Description = "Code hosting, repositories and issues.",
            AuthorizeUrl = "https://github.com/login/oauth/authorize", Scope = "repo",
            Actions =
            [
                new("list_repositories", "List Repositories", "List repositories the account can see", ActionKind.List, "repositories", []),
                new("create_issue", "Create Issue", "Open an issue in a repository", ActionKind.Create, "issues", [new("repo", "owner/name"), new("title", "Title"), Opt("body", "Body", "textarea")]),
            ],
            Samples = new Dictionary<string, JsonObject[]>
            {
                ["repositories"] =
                [
                    new() { ["id"] = "601", ["full_name"] = "globex/website", ["private"] = false },
                    new() { ["id"] = "602", ["full_name"] = "globex/billing", ["private"] = true },
                ],
                ["issues"] = [],
            },
        },
    ];

    /// <summary>The app with this slug, or null.</summary>
    public static AppDefinition? Find(string slug) => All.FirstOrDefault(a => a.Slug == slug);
}
