Console.WriteLine("monitoring");
