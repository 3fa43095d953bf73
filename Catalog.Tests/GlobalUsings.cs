global using NUnit.Framework;
global using Catalog.Schema.Publishing;
global using Catalog.Schema.Store;
global using Catalog.Store.Sqlite;
global using Catalog.Store.Sqlite.Publishing;
