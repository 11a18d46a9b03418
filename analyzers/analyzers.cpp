// placeholder until the engine lands
namespace copydesk::analyzers {}
