using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>Auth structure and OAuth: each app's credential fields per auth type, and consent URLs for OAuth2 apps.</summary>
internal sealed class AuthStructureGroup : EmulatorGroup
{
    /// <summary>Pending OAuth consents: {state, linked_account_id, slug, extra}.</summary>
    public const string OauthStates = "oauth_states";

    /// <summary>Where providers send the user back: Refold's own callback, never the caller's.</summary>
    public const string CallbackBase = "https://app.refold.ai/api/v1/";

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.AuthStructure.GetAuthStructure, Structure);
        routes.Map(Ops.AuthStructure.GetOauthUrl, OauthUrl);
    }

    private static EmulatorResult Structure(EmulatorRequest req)
    {
        var slug = req.Route("slug");
        if (slug == Integrations.DefaultAppType)
        {
            return new JsonObject();
        }

        var app = DemoApps.Find(slug)
            ?? throw new EmulatorException(RefoldErrors.Bare(500, "SERVER_ERROR", $"Schema not found for integration type: {slug}"));
        return Of(app);
    }

    /// <summary>Map from auth type to fields: a required field is its type string, an optional one {type, required: false}.</summary>
    internal static JsonObject Of(AppDefinition app)
    {
        static JsonNode Field(bool required) => required ? "string" : new JsonObject { ["type"] = "string", ["required"] = false };
        var structure = new JsonObject();
        foreach (var type in app.AuthTypes)
        {
            var fields = new JsonObject();
            if (type == "oauth2")
            {
                fields["access_token"] = Field(true);
                fields["refresh_token"] = Field(true);
                fields["client_id"] = Field(true);
                fields["client_secret"] = Field(true);
                fields["callback_url"] = Field(false);
            }
            else
            {
                foreach (var f in app.KeyFields)
                {
                    fields[f.Name] = Field(f.Required);
                }
            }

            structure[type] = fields;
        }

        return structure;
    }

    private static EmulatorResult OauthUrl(EmulatorRequest req)
    {
        var slug = req.Route("slug");
        var app = DemoApps.Find(slug)
            ?? throw req.Error(404, "EXTERNAL_API_FAILURE", $"Application with app_type '{slug}' not found for org {req.Caller.OrgId}", "EXTERNAL_API_ERROR");
        if (!app.AuthTypes.Contains("oauth2"))
        {
            throw req.BadRequest($"Application {slug} does not support oauth2 authentication");
        }

        var accountId = req.RequireLinkedAccount().Str("account_id")!;
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var extra = new JsonObject();
        foreach (var (key, value) in req.QueryAll.Where(q => q.Key != "linked_account_id"))
        {
            extra[key] = value;
        }

        req.Data.Collection(OauthStates).Insert(new JsonObject { ["state"] = state, ["linked_account_id"] = accountId, ["slug"] = slug, ["extra"] = extra });
        var query = new List<string>
        {
            "client_id=" + Uri.EscapeDataString("refold-demo-" + slug),
            "response_type=code",
            "state=" + state,
            "redirect_uri=" + Uri.EscapeDataString(CallbackBase + slug + "/callback"),
            "scope=" + Uri.EscapeDataString(app.Scope),
        };
        query.AddRange(extra.Select(e => Uri.EscapeDataString(e.Key) + "=" + Uri.EscapeDataString(Doc.Text(e.Value) ?? "")));
        return new JsonObject { ["auth_url"] = app.AuthorizeUrl + "?" + string.Join('&', query) };
    }
}
