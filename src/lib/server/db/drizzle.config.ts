import { defineConfig } from 'drizzle-kit';

// Run from the repository root: npm run db:generate
export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle'
});
