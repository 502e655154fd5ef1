"""The live runtime over the facade: the HTTP API and the MCP server."""
