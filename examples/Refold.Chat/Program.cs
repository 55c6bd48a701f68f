// refold-chat: a console chat in which an AI model (any OpenAI-compatible endpoint) runs Refold jobs through refold-mcp.
//   dotnet run --project examples/Refold.Chat -- --endpoint http://127.0.0.1:11434/v1 --model qwen2.5:7b --emulator
using Refold.Chat;

return await ChatApp.RunAsync(args, ChatTerminal.FromConsole(), Environment.GetEnvironmentVariable);
