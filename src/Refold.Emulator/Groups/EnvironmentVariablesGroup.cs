using System.Globalization;
using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Environment variables: definitions (seeded; the public API only reads them) and their values. A value lives in its
/// definition's scope: one per org+environment for <c>org</c> and <c>workspace</c>, one per linked account for
/// <c>linked_account</c>, one per workflow for <c>workflow</c>. Values must fit the definition's <c>var_format</c>;
/// values of encrypted definitions are never shown (<c>[REDACTED]</c>). A session token reaches only the
/// linked_account values of its own account. 404s carry <c>error_code</c>; 400s carry <c>error</c>, as Refold's samples do.
/// </summary>
internal sealed class EnvironmentVariablesGroup : EmulatorGroup
{
    public const string Redacted = "[REDACTED]";

    private const string Definitions = "env_definitions";
    private const string Values = "env_values";
    private const string LinkedAccountScope = "linked_account";
    private const string WorkflowScope = "workflow";

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.EnvironmentVariables.ListVariableDefinitions, ListDefinitions, Invalid);
        routes.Map(Ops.EnvironmentVariables.GetVariableDefinition, GetDefinition, Invalid);
        routes.Map(Ops.EnvironmentVariables.GetVariableValue, GetValue, Invalid);
        routes.Map(Ops.EnvironmentVariables.SetVariableValue, SetValue, Invalid);
        routes.Map(Ops.EnvironmentVariables.ListVariableValues, ListValues, Invalid);
        routes.Map(Ops.EnvironmentVariables.DeleteVariableValue, DeleteValue, Invalid);
    }

    public override void Seed(DemoSeed seed)
    {
        var definitions = seed.Partition.Collection(Definitions);
        var values = seed.Partition.Collection(Values);
        JsonObject Define(string id, string name, string description, string scope, string format, bool encrypted = false) =>
            definitions.Insert(new JsonObject
            {
                ["_id"] = id,
                ["org_id"] = seed.Org.Id,
                ["name"] = name,
                ["description"] = description,
                ["scope"] = scope,
                ["var_format"] = format,
                ["encrypted"] = encrypted,
            });
        void Set(string id, JsonObject definition, string value, string? account = null)
        {
            var stored = NewValue(seed.Org.Id, seed.Partition.Environment, definition, value, account, null);
            stored["_id"] = id;
            values.Insert(stored);
        }

        var erpUrl = Define("66a1f00dbeefcafe00000e01", "ERP_BASE_URL", "Base URL of the customer's ERP", LinkedAccountScope, "url");
        var erpToken = Define("66a1f00dbeefcafe00000e02", "ERP_TOKEN", "API token for the customer's ERP", LinkedAccountScope, "string", encrypted: true);
        var batch = Define("66a1f00dbeefcafe00000e03", "SYNC_BATCH_SIZE", "Records per page when syncing", "org", "number");
        Define("66a1f00dbeefcafe00000e04", "STATUS_PAGE_URL", "Public status page shown in the workspace", "workspace", "url");
        Define("66a1f00dbeefcafe00000e05", "ALERT_CHANNEL", "Slack channel a workflow reports to", WorkflowScope, "string");

        Set("66a1f00dbeefcafe00000e11", batch, "100");
        Set("66a1f00dbeefcafe00000e12", erpUrl, "https://erp.globex.example", DemoOrg.GlobexAccount);
        Set("66a1f00dbeefcafe00000e13", erpUrl, "https://erp.initech.example", DemoOrg.InitechAccount);
        Set("66a1f00dbeefcafe00000e14", erpToken, "globex-erp-token-2f9c", DemoOrg.GlobexAccount);
    }

    private static EmulatorResult Invalid(string problem) => RefoldErrors.Standard(400, "SERVER_ERROR", problem);

    private static EmulatorException BadRequest(string message) => new(Invalid(message));

    private static EmulatorResult ListDefinitions(EmulatorRequest req)
    {
        var scope = req.Query("scope");
        var format = req.Query("var_format");
        var pattern = req.Query("name") is { } name ? req.Pattern("name", name) : null;
        var found = req.Data.Collection(Definitions).Find(d =>
            (scope is null || Doc.Is(d, "scope", scope))
            && (format is null || Doc.Is(d, "var_format", format))
            && (pattern is null || pattern.MatchesText(d.Str("name"))));
        return Paging.Page(req, [.. found]);
    }

    private static EmulatorResult GetDefinition(EmulatorRequest req) =>
        new JsonObject { ["definition"] = FindDefinition(req, req.Route("id")) };

    private static EmulatorResult GetValue(EmulatorRequest req)
    {
        var definition = FindDefinition(req, req.Route("definition_id"));
        var partition = req.Data;
        if (req.Query("environment") is { } environment && environment != req.Caller.Environment)
        {
            if (req.Caller.IsSessionToken)
            {
                throw Forbidden(req, $"a session token of the {req.Caller.Environment} environment cannot read {environment} values");
            }

            partition = req.State.Partition(req.Caller.OrgId!, environment);
        }

        var (account, workflow) = Target(req, definition, req.Caller.LinkedAccountId, req.Query("workflow_id"));
        var value = partition.Collection(Values).FindOne(v => IsSlot(v, definition, account, workflow))
            ?? throw req.NotFound($"No value of {definition.Str("name")} is set in this scope", "RESOURCE_NOT_FOUND");
        return new JsonObject
        {
            ["value"] = Shown(value, definition),
            ["encrypted"] = definition.Bool("encrypted") == true,
            ["name"] = definition.Str("name"),
            ["scope"] = definition.Str("scope"),
            ["variable_definition_id"] = definition.Str("_id"),
        };
    }

    private static EmulatorResult SetValue(EmulatorRequest req)
    {
        var body = req.Fields;
        var definition = FindDefinition(req, body.Str("variable_definition_id")!);
        var text = body.Str("value")!;
        CheckFormat(definition, text);

        var scope = definition.Str("scope");
        var bodyAccount = body.Str("linked_account_id");
        if (req.Caller.IsSessionToken && (scope != LinkedAccountScope || (bodyAccount is not null && bodyAccount != req.Caller.LinkedAccountId)))
        {
            throw Forbidden(req, "a session token can only set linked_account values of its own account");
        }

        if (scope != LinkedAccountScope && bodyAccount is not null)
        {
            throw BadRequest($"{definition.Str("name")} is a {scope} variable; linked_account_id applies only to linked_account variables");
        }

        if (scope != WorkflowScope && body.Str("workflow_id") is not null)
        {
            throw BadRequest($"{definition.Str("name")} is a {scope} variable; workflow_id applies only to workflow variables");
        }

        var (account, workflow) = Target(req, definition, req.Caller.IsSessionToken ? req.Caller.LinkedAccountId : bodyAccount ?? req.Caller.LinkedAccountId, body.Str("workflow_id"));
        if (account is not null)
        {
            req.FindLinkedAccount(account);
        }

        var values = req.Data.Collection(Values);
        var stored = req.State.Atomically(() =>
            values.UpdateOne(v => IsSlot(v, definition, account, workflow), v => v["value"] = text)
            ?? values.Insert(NewValue(req.Caller.OrgId!, req.Caller.Environment!, definition, text, account, workflow)));
        req.Audit.LinkedAccountId = account;
        req.Audit.Details["name"] = definition.Str("name");
        return View(stored, definition);
    }

    private static EmulatorResult ListValues(EmulatorRequest req)
    {
        var scope = req.Route("scope");
        if (req.Caller.IsSessionToken && scope != LinkedAccountScope)
        {
            throw Forbidden(req, "a session token can only list linked_account values of its own account");
        }

        var workflow = req.Query("workflow_id");
        if (scope == WorkflowScope && workflow is null)
        {
            throw BadRequest("workflow_id is required for workflow scope");
        }

        var account = scope == LinkedAccountScope ? req.Caller.LinkedAccountId : null;
        var definitionId = req.Query("variable_definition_id");
        var definitions = req.Data.Collection(Definitions).Find().ToDictionary(d => d.Str("_id")!);
        var found = req.Data.Collection(Values).Find(v =>
            Doc.Is(v, "scope", scope)
            && (definitionId is null || Doc.Is(v, "variable_definition_id", definitionId))
            && (account is null || Doc.Is(v, "linked_account_id", account))
            && (workflow is null || Doc.Is(v, "workflow_id", workflow)));
        var items = found
            .Where(v => definitions.ContainsKey(v.Str("variable_definition_id")!))
            .Select(v => (JsonNode)View(v, definitions[v.Str("variable_definition_id")!]))
            .ToList();
        var page = new JsonObject { ["status"] = "success" };
        foreach (var (key, value) in Paging.Page(req, items))
        {
            page[key] = value?.DeepClone();
        }

        return page;
    }

    private static EmulatorResult DeleteValue(EmulatorRequest req)
    {
        var values = req.Data.Collection(Values);
        var value = values.Get(req.Route("value_id"));
        var account = req.Caller.LinkedAccountId;
        var owned = value is not null && (Doc.Is(value, "scope", LinkedAccountScope)
            ? account is null || Doc.Is(value, "linked_account_id", account)
            : !req.Caller.IsSessionToken);
        if (!owned || !values.Delete(value!.Str("_id")!))
        {
            throw req.NotFound("Variable value not found", "RESOURCE_NOT_FOUND");
        }

        var name = req.Data.Collection(Definitions).Get(value.Str("variable_definition_id")!)?.Str("name") ?? value.Str("variable_definition_id");
        req.Audit.LinkedAccountId = value.Str("linked_account_id");
        req.Audit.Details["name"] = name;
        return new JsonObject { ["status"] = "success", ["message"] = $"Variable value for \"{name}\" deleted successfully" };
    }

    /// <summary>The account and workflow a value of <paramref name="definition"/> belongs to; 400 when its scope needs one that is missing.</summary>
    private static (string? Account, string? Workflow) Target(EmulatorRequest req, JsonObject definition, string? account, string? workflow) =>
        definition.Str("scope") switch
        {
            LinkedAccountScope => (account ?? throw BadRequest("linked_account_id is required for linked_account scope"), null),
            WorkflowScope => (null, workflow ?? throw BadRequest("workflow_id is required for workflow scope")),
            _ => (null, null),
        };

    private static bool IsSlot(JsonObject value, JsonObject definition, string? account, string? workflow) =>
        Doc.Is(value, "variable_definition_id", definition.Str("_id"))
        && value.Str("linked_account_id") == account
        && value.Str("workflow_id") == workflow;

    private static JsonObject NewValue(string orgId, string environment, JsonObject definition, string value, string? account, string? workflow)
    {
        var stored = new JsonObject
        {
            ["variable_definition_id"] = definition.Str("_id"),
            ["org_id"] = orgId,
            ["environment"] = environment,
            ["scope"] = definition.Str("scope"),
            ["value"] = value,
        };
        if (account is not null)
        {
            stored["linked_account_id"] = account;
        }

        if (workflow is not null)
        {
            stored["workflow_id"] = workflow;
        }

        return stored;
    }

    /// <summary>A value as responses show it: redacted when encrypted, with its definition alongside (the id stays a string).</summary>
    private static JsonObject View(JsonObject value, JsonObject definition)
    {
        var view = (JsonObject)value.DeepClone();
        view["value"] = Shown(value, definition);
        view["variable_definition"] = new JsonObject
        {
            ["_id"] = definition.Str("_id"),
            ["name"] = definition.Str("name"),
            ["scope"] = definition.Str("scope"),
            ["var_format"] = definition.Str("var_format"),
            ["encrypted"] = definition.Bool("encrypted") == true,
        };
        return view;
    }

    private static string? Shown(JsonObject value, JsonObject definition) =>
        definition.Bool("encrypted") == true ? Redacted : value.Str("value");

    private static void CheckFormat(JsonObject definition, string value)
    {
        var format = definition.Str("var_format");
        var fits = format switch
        {
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n),
            "url" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            _ => true,
        };
        if (!fits)
        {
            throw BadRequest($"value does not match the variable format ({format}) of {definition.Str("name")}");
        }
    }

    private static JsonObject FindDefinition(EmulatorRequest req, string id) =>
        req.Data.Collection(Definitions).Get(id) ?? throw req.NotFound("Variable definition not found", "RESOURCE_NOT_FOUND");

    private static EmulatorException Forbidden(EmulatorRequest req, string message) => req.Error(403, "SERVER_ERROR", message);
}
