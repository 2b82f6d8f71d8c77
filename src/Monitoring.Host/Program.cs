using Monitoring.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddMonitoring();

var app = builder.Build();
app.MapMonitoring();
app.Run();
