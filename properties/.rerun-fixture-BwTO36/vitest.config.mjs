export default { test: { include: ['**/*.fixture.ts'], setupFiles: ["/work/main/properties/fast-check-setup.ts"] } };
