// The peer: the same graph served by an API that @neo4j/graphql generates from type definitions, so
// bench:api can ask both the same lineage questions side by side. Run as a child process:
//   NEO4J_URI=bolt://127.0.0.1:7797 tsx bench/peer/server.ts   → prints "LISTENING <url>"
// Only what the questions need is declared: documents with their IMPLEMENTS neighbours both ways,
// and tasks with the document they are part of.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { announceAndServe, runChild } from "../lib/child.ts";

export const peerTypeDefs = /* GraphQL */ `
  type Document @node {
    key: String!
    symbol: String
    title: String
    jurisdiction: String
    tier: String
    implementedBy: [Document!]! @relationship(type: "IMPLEMENTS", direction: IN)
    implements: [Document!]! @relationship(type: "IMPLEMENTS", direction: OUT)
    tasks: [Task!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Task @node {
    key: String!
    content: String
    partOf: [Document!]! @relationship(type: "PART_OF", direction: OUT)
  }
`;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is required");
  const driver = neo4j.driver(uri);
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  announceAndServe(url.replace(/\/$/, ""), async () => {
    await server.stop();
    await driver.close();
  });
}

runChild("peer", main);
