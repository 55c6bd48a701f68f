# refold-mcp over streamable HTTP (endpoint /mcp on port 8080), as one Native AOT binary on runtime-deps.
#   docker build -t refold-mcp .
#   docker run --rm -p 127.0.0.1:8080:8080 refold-mcp                 # real Refold: sessions send their own credential
#   docker run --rm -p 127.0.0.1:8080:8080 refold-mcp --emulator      # embedded emulator with the demo org
# Extra arguments are appended to the server's (e.g. --read-only, --toolsets workflows,executions, --allowed-origins ...).

# The SDK image with the native toolchain Native AOT links with (clang, zlib). It compiles for its own architecture
# (--use-current-runtime: linux-x64 or linux-arm64), so build on the platform you deploy to.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Refold.Mcp.Server/Refold.Mcp.Server.csproj -c Release --use-current-runtime -p:PublishAot=true -o /app

# Same Ubuntu release as the build image (the binary links against its glibc); no .NET runtime needed.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble AS final
WORKDIR /app
COPY --from=build /app/refold-mcp ./
# The image's unprivileged user.
USER $APP_UID
EXPOSE 8080
ENV REFOLD_BASE_URL=https://app.refold.ai
# No curl in runtime-deps: the binary asks its own /healthz (liveness; /readyz also checks Refold, for orchestrators).
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/app/refold-mcp", "healthcheck", "--urls", "http://127.0.0.1:8080"]
ENTRYPOINT ["/app/refold-mcp", "--transport", "http", "--urls", "http://0.0.0.0:8080"]
