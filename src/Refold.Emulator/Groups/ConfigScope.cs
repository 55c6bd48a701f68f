using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// What every config call works within: the caller's partition, the linked account it acts for, the app, and whether
/// datasource options are resolved (<c>disable_field_options</c>). Also the lookups of the installed configs, stored in
/// <see cref="Collection"/> as <c>{linked_account_id, slug, config_id, values, workflows[], map_fields_object, store_variables[]}</c>.
/// </summary>
internal sealed class ConfigScope
{
    /// <summary>Installed configs (app installations) of linked accounts.</summary>

    private ConfigScope(EmulatorRequest request, JsonObject account, AppDefinition app)
    {
        Request = request;
        Data = request.Data;
        Account = account;
        AccountId = account.Str("account_id")!;
        App = app;
        // Shared by every config operation; only those that return fields declare the header.
        ResolveOptions = !request.Declares(ParameterLocation.Header, DisableFieldOptions) || request.Header(DisableFieldOptions) != "true";
    }

    private const string DisableFieldOptions = "disable_field_options";

    public EmulatorRequest Request { get; }

    public Partition Data { get; }

    public JsonObject Account { get; }

    public string AccountId { get; }

    public AppDefinition App { get; }

    /// <summary>False when the caller sent <c>disable_field_options: true</c>: datasource-backed fields then carry no options.</summary>
    public bool ResolveOptions { get; }

    public DocumentCollection Configs => Data.Collection(Collections.Configs);

    /// <summary>The scope of a call for the app <paramref name="slug"/>: 400/404 for a missing or unknown account, 404 INVALID_APP_ID for an unknown app.</summary>
    public static ConfigScope For(EmulatorRequest request, string slug)
    {
        var account = request.RequireLinkedAccount();
        var app = DemoApps.Find(slug)
            ?? throw request.Error(404, "INVALID_APP_ID", $"Application with app_type '{slug}' not found for org {request.Caller.OrgId}");
        return new ConfigScope(request, account, app);
    }

    /// <summary>The config id a call means: the one given, else the linked account id.</summary>
    public string ConfigIdOr(string? given) => string.IsNullOrEmpty(given) ? AccountId : given;

    /// <summary>The account's installed config of this app with this id, or null.</summary>
    public JsonObject? Find(string configId) => Configs.FindOne(c => Matches(c, configId));

    /// <summary>The installed config, or Refold's 404.</summary>
    public JsonObject Require(string configId) => Find(configId) ?? throw NotFound(configId);

    /// <summary>Changes the installed config in place (404 when it is not installed); returns its new form.</summary>
    public JsonObject Update(string configId, Action<JsonObject> change) =>
        Configs.UpdateOne(c => Matches(c, configId), change) ?? throw NotFound(configId);

    public EmulatorException NotFound(string configId) => Request.Error(404, "SERVER_ERROR", $"Config with config id {configId} not found");

    /// <summary>True when the app has a live (not expired) connection on the account.</summary>
    public bool IsConnected =>
        Integrations.Find(Account, App.Slug) is { } integration && Integrations.Connections(integration).Any(c => c.Str("status") != "expired");

    /// <summary>A new, empty installation document for this account and app.</summary>
    public JsonObject NewConfig(string configId) => new()
    {
        ["org_id"] = Data.OrgId,
        ["environment"] = Data.Environment,
        ["linked_account_id"] = AccountId,
        ["slug"] = App.Slug,
        ["config_id"] = configId,
        ["values"] = new JsonObject(),
        ["workflows"] = new JsonArray(),
        ["store_variables"] = new JsonArray(),
    };

    private bool Matches(JsonObject config, string configId) =>
        Doc.Is(config, "linked_account_id", AccountId) && Doc.Is(config, "slug", App.Slug) && Doc.Is(config, "config_id", configId);
}
