-- Customers are found again by e-mail or phone when they book.
CREATE INDEX documents_customer_email ON documents(restaurant_id, collection, lower(json_extract(doc, '$.email')))
  WHERE collection = 'customers';
CREATE INDEX documents_customer_phone ON documents(restaurant_id, collection, json_extract(doc, '$.phone'))
  WHERE collection = 'customers';
