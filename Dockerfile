# refold-mcp over streamable HTTP (endpoint /mcp on port 8080).
#   docker build -t refold-mcp .
#   docker run --rm -p 127.0.0.1:8080:8080 refold-mcp                 # real Refold: sessions send their own credential
#   docker run --rm -p 127.0.0.1:8080:8080 refold-mcp --emulator      # embedded emulator with the demo org
# Extra arguments are appended to the server's (e.g. --read-only, --toolsets workflows,executions, --allowed-origins ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# ReadyToRun: about a fifth less start-up time than plain JIT (docs/benchmarks.md).
RUN dotnet publish src/Refold.Mcp.Server/Refold.Mcp.Server.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The aspnet image's unprivileged user.
USER $APP_UID
EXPOSE 8080
ENV REFOLD_BASE_URL=https://app.refold.ai
ENTRYPOINT ["dotnet", "refold-mcp.dll", "--transport", "http", "--urls", "http://0.0.0.0:8080"]
