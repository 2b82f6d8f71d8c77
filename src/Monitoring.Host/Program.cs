using Monitoring.Host;
using Monitoring.Host.Diagnostics;

MallocArenas.Limit(); // before the host's threads start allocating natively
var builder = WebApplication.CreateBuilder(args);
builder.AddMonitoring();

var app = builder.Build();
app.MapMonitoring();
app.Run();
