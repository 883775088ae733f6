/** What `codegen init` writes: a small plan showing each part of the format. */
export const STARTER_PLAN = `# yaml-language-server: $schema=./node_modules/@trackplan/codegen/tracking-plan.schema.json
version: 1
name: My App

types:
  Product:
    type: object
    properties:
      product_id: { type: string, required: true }
      price: { type: number, minimum: 0 }

events:
  Signed Up:
    description: A visitor created an account.
    properties:
      method: { enum: [email, google], required: true }
  Product Viewed:
    properties:
      product: { $ref: Product, required: true }

identify:
  traits:
    email: { type: string, format: email }

group:
  traits:
    name: { type: string, required: true }

pages:
  Home: {}
`;
